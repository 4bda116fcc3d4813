import { numeric, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";
// Relative (not "@/"): drizzle-kit loads the schema without the tsconfig path alias.
import { NUMERIC } from "../../../lib/schemas/numeric";

// Column shapes every domain schema shares (SPEC: decimals end to end, tenant-first keys).
/** Quantities: numeric(14,3). */
export const qtyCol = () => numeric(NUMERIC.quantity);
/** Money totals: numeric(14,2). */
export const moneyCol = () => numeric(NUMERIC.money);
/** Unit prices and costs: numeric(14,4). */
export const unitCostCol = () => numeric(NUMERIC.unitPrice);
/** The tenant column, first in every tenant table's keys; deleting a business cascades. */
export const tenantCol = () =>
  uuid()
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });
