import { sql } from "drizzle-orm";
import { inngest } from "../client";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/with-tenant";
import { scanOverdueReceivables } from "@/server/billing/scan-overdue-receivables";

/** Every morning: per tenant, notify invoices on account that are overdue (one step per tenant; dedupe keys make re-runs harmless). */
export const billingOverdueAlerts = inngest.createFunction(
  { id: "billing-overdue-alerts", name: "Alertas diarias: cobranzas vencidas", triggers: [{ cron: "TZ=America/Argentina/Buenos_Aires 15 7 * * *" }], retries: 3 },
  async ({ step }) => {
    const tenantIds = await step.run("list-tenants", async () => (await getDb().execute<{ id: string }>(sql`select all_tenant_ids() as id`)).map((r) => r.id));
    const results = [];
    for (const tenantId of tenantIds) {
      results.push(await step.run(`overdue-${tenantId}`, () => withTenant(tenantId, (tx) => scanOverdueReceivables(tx)).then((r) => ({ tenantId, ...r }))));
    }
    return { tenants: tenantIds.length, results };
  },
);
