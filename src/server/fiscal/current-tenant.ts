import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** The transaction's tenant (app.current_tenant), for inserts by services that only get `tx`. RLS WITH CHECK enforces it. */
export const currentTenantId = (): string =>
  sql`(select nullif(current_setting('app.current_tenant', true), '')::uuid)` as SQL as unknown as string;
