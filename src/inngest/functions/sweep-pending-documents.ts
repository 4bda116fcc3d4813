import { sql } from "drizzle-orm";
import { inngest } from "../client";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/with-tenant";
import { findStaleDocuments } from "@/server/fiscal/find-stale-documents";
import { fiscalEvent } from "@/server/fiscal/events";

/** Every 5 minutes: re-request documents left PENDING (lost event) or with an unknown outcome. */
export const sweepPendingDocuments = inngest.createFunction(
  { id: "sweep-pending-fiscal-documents", name: "Barrido de comprobantes pendientes", triggers: [{ cron: "*/5 * * * *" }], retries: 2 },
  async ({ step }) => {
    const tenantIds = await step.run("list-tenants", async () => {
      const rows = await getDb().execute<{ id: string }>(sql`select all_tenant_ids() as id`);
      return rows.map((r) => r.id);
    });
    let total = 0;
    for (const tenantId of tenantIds) {
      const events = await step.run(`find-${tenantId}`, async () => {
        const docs = await withTenant(tenantId, (tx) => findStaleDocuments(tx));
        return docs.map((d) => fiscalEvent(tenantId, d));
      });
      if (events.length) {
        await step.sendEvent(`request-${tenantId}`, events);
        total += events.length;
      }
    }
    return { tenants: tenantIds.length, requested: total };
  },
);
