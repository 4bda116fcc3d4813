import { sql, type SQL } from "drizzle-orm";

/**
 * The current tenant as SQL, read from the transaction-local setting withTenant made. Use it
 * where a service needs the tenant id in a statement (keys, filters): services never take a
 * tenantId parameter, the transaction carries it.
 */
export const TENANT: SQL = sql`(select nullif(current_setting('app.current_tenant', true), '')::uuid)`;
