import { inngest } from "../client";
import { forEachTenant } from "../for-each-tenant";
import { scanAreaAlerts } from "@/server/notifications/scan-area-alerts";

/**
 * Every 15 minutes, per business: notify rejected or stuck fiscal documents, refused offline
 * sales, open stock conflicts and critical cash deviations. Dedupe keys make overlapping
 * runs and retries create nothing twice.
 */
export const notificationsScan = inngest.createFunction(
  {
    id: "notifications-scan",
    name: "Avisos: comprobantes, ventas sin conexión, conflictos y arqueos",
    triggers: [{ cron: "*/15 * * * *" }],
    retries: 3,
  },
  ({ step }) => forEachTenant(step, "scan", (tx) => scanAreaAlerts(tx)),
);
