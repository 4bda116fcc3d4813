import "server-only";
import { withTenant } from "@/server/db/with-tenant";
import type { Tx } from "@/server/db/client";
import { listTenantIds } from "@/server/tenancy/list-tenant-ids";

type Step = { run: <T>(id: string, fn: () => Promise<T>) => Promise<unknown> };

/**
 * The cron fan-out: one `list-tenants` step, then one step per tenant (`<name>-<tenantId>`)
 * running `fn` in that tenant's transaction, so a failing tenant is retried alone and a
 * finished one is memoized by Inngest.
 */
export async function forEachTenant<R>(step: Step, name: string, fn: (tx: Tx, tenantId: string) => Promise<R>): Promise<{ tenants: number; results: (R & { tenantId: string })[] }> {
  const tenantIds = (await step.run("list-tenants", () => listTenantIds())) as string[];
  const results: (R & { tenantId: string })[] = [];
  for (const tenantId of tenantIds) {
    const r = (await step.run(`${name}-${tenantId}`, () => withTenant(tenantId, async (tx) => ({ tenantId, ...(await fn(tx, tenantId)) })))) as R & { tenantId: string };
    results.push(r);
  }
  return { tenants: tenantIds.length, results };
}
