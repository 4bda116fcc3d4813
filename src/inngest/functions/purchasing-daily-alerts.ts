import { inngest } from "../client";
import { forEachTenant } from "../for-each-tenant";
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
  ({ step }) => forEachTenant(step, "alerts", (tx) => runDailyAlerts(tx)),
);
