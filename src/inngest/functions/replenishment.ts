import { sql } from "drizzle-orm";
import { NonRetriableError } from "inngest";
import { inngest } from "../client";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/with-tenant";
import { tenantToday } from "@/server/purchasing/common";
import { runReplenishment } from "@/server/purchasing/compute-replenishment";

export const REPLENISHMENT_REQUESTED = "purchasing/replenishment.requested";
export type ReplenishmentRequested = { tenantId: string; userId?: string | null };

/** Daily (before the alerts): today's replenishment suggestions for every tenant, once per day. */
export const replenishmentDaily = inngest.createFunction(
  {
    id: "replenishment-daily",
    name: "Sugerencias de reposición (diario)",
    triggers: [{ cron: "TZ=America/Argentina/Buenos_Aires 30 6 * * *" }],
    retries: 3,
  },
  async ({ step }) => {
    const tenantIds = await step.run("list-tenants", async () => {
      const rows = await getDb().execute<{ id: string }>(sql`select all_tenant_ids() as id`);
      return rows.map((r) => r.id);
    });
    const results = [];
    for (const tenantId of tenantIds) {
      results.push(
        await step.run(`replenish-${tenantId}`, () =>
          withTenant(tenantId, async (tx) => ({ tenantId, ...(await runReplenishment(tx, { today: await tenantToday(tx), mode: "cron" })) })),
        ),
      );
    }
    return { tenants: tenantIds.length, results };
  },
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
    const data = event.data as ReplenishmentRequested;
    if (!data?.tenantId) throw new NonRetriableError("Evento sin tenantId");
    return step.run("replenish", () =>
      withTenant(data.tenantId, async (tx) => runReplenishment(tx, { today: await tenantToday(tx), mode: "manual" }), { userId: data.userId ?? null }),
    );
  },
);
