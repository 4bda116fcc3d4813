import { NonRetriableError } from "inngest";
import { inngest } from "../client";
import { EVENTS, parseEventData, type EventData } from "../events";
import { forEachTenant } from "../for-each-tenant";
import { withTenant } from "@/server/db/with-tenant";
import { recomputeReplenishment } from "@/server/purchasing/recompute-replenishment";

export const REPLENISHMENT_REQUESTED = EVENTS.replenishmentRequested.name;
export type ReplenishmentRequested = EventData<"replenishmentRequested">;

/** Daily (before the alerts): today's replenishment suggestions for every tenant, once per day. */
export const replenishmentDaily = inngest.createFunction(
  {
    id: "replenishment-daily",
    name: "Sugerencias de reposición (diario)",
    triggers: [{ cron: "TZ=America/Argentina/Buenos_Aires 30 6 * * *" }],
    retries: 3,
  },
  ({ step }) => forEachTenant(step, "replenish", (tx) => recomputeReplenishment(tx, "cron")),
);

/** "Recalcular" from the suggestions page: refreshes today's pending suggestions of one tenant. */
export const replenishmentRequested = inngest.createFunction(
  {
    id: "replenishment-requested",
    name: "Sugerencias de reposición (a pedido)",
    triggers: [{ event: REPLENISHMENT_REQUESTED }],
    concurrency: [{ key: "event.data.tenantId", limit: 1 }],
    retries: 2,
  },
  async ({ event, step }) => {
    const parsed = parseEventData("replenishmentRequested", event.data);
    if (!parsed.ok) throw new NonRetriableError(parsed.message);
    const { tenantId, userId } = parsed.data;
    return step.run("replenish", () => withTenant(tenantId, (tx) => recomputeReplenishment(tx, "manual"), { userId: userId ?? null }));
  },
);
