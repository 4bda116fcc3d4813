import { sql } from "drizzle-orm";
import { inngest } from "../client";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/with-tenant";
import { runDailyAlerts } from "@/server/purchasing/run-daily-alerts";

/**
 * Every morning (Buenos Aires time): per tenant, notify payables that are due soon or
 * overdue and lots expiring within the tenant's window. One step per tenant, so a failing
 * tenant is retried alone; dedupe keys make re-runs and retries create nothing twice.
 */
export const purchasingDailyAlerts = inngest.createFunction(
  {
    id: "purchasing-daily-alerts",
    name: "Alertas diarias: pagos por vencer y lotes por vencer",
    triggers: [{ cron: "TZ=America/Argentina/Buenos_Aires 0 7 * * *" }],
    retries: 3,
  },
  async ({ step }) => {
    const tenantIds = await step.run("list-tenants", async () => {
      const rows = await getDb().execute<{ id: string }>(sql`select all_tenant_ids() as id`);
      return rows.map((r) => r.id);
    });
    const results = [];
    for (const tenantId of tenantIds) {
      results.push(await step.run(`alerts-${tenantId}`, () => withTenant(tenantId, (tx) => runDailyAlerts(tx)).then((r) => ({ tenantId, ...r }))));
    }
    return { tenants: tenantIds.length, results };
  },
);
