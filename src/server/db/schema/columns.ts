import { numeric, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";

// Column shapes every domain schema shares (SPEC: decimals end to end, tenant-first keys).
/** Quantities: numeric(14,3). */
export const qtyCol = () => numeric({ precision: 14, scale: 3 });
/** Money totals: numeric(14,2). */
export const moneyCol = () => numeric({ precision: 14, scale: 2 });
/** Unit prices and costs: numeric(14,4). */
export const unitCostCol = () => numeric({ precision: 14, scale: 4 });
/** The tenant column, first in every tenant table's keys; deleting a business cascades. */
export const tenantCol = () =>
  uuid()
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });
