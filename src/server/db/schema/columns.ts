import { sql } from "drizzle-orm";
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
/**
 * Inserts may omit tenant_id: drizzle then sends DEFAULT, and the column's default is the
 * transaction's tenant (`app_current_tenant()`, set on every tenant table by
 * drizzle/sql/121_tenant_default.sql; drizzle-kit cannot emit a default that calls a function
 * created after its migrations). Runtime-only: no migration changes.
 */
export const tenantDefault = () => sql`default`;
/** The tenant column, first in every tenant table's keys; deleting a business cascades. */
export const tenantCol = () =>
  uuid()
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" })
    .$defaultFn(tenantDefault);
/**
 * The tenant column of a table whose every row points at a tenant-scoped parent through a
 * composite foreign key (tenant_id, parent_id) that cascades (a product, a supplier): that key
 * already proves the tenant exists and deleting the business still reaches these rows through
 * the parent, so a separate tenant_id → tenants key would only be checked again on every
 * insert (a 10,000-row price list paid 25,000 such checks).
 */
export const tenantChildCol = () => uuid().notNull().$defaultFn(tenantDefault);
