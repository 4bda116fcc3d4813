import "server-only";
import { sql } from "drizzle-orm";
import { withAnonymous } from "../db/with-tenant";

/**
 * Every tenant's id, for the cron fan-outs (inngest/for-each-tenant.ts). Through the narrow
 * SECURITY DEFINER `all_tenant_ids()`: the app role sees no tenant rows without a tenant set.
 */
export async function listTenantIds(): Promise<string[]> {
  const rows = await withAnonymous((tx) => tx.execute<{ id: string }>(sql`select all_tenant_ids() as id`));
  return rows.map((r) => r.id);
}
