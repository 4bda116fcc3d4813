// Several app instances: if a cron fires on two of them at the same moment (two deployments
// registered with Inngest, a manual re-run racing the schedule), its effects happen once.
// The claims are unique keys in PostgreSQL, so the two runs race in the database, not in memory.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { sql } from "drizzle-orm";
import { withTenant } from "@/server/db/with-tenant";
import { adminSql, makeTenant } from "@/test/factories";
import { makeProduct } from "@/test/inventory";
import { addStock, makeFamily, makeSupplier } from "@/test/purchasing";
import { receiveGoods } from "@/server/purchasing/receive-goods";
import { todayIn } from "@/server/purchasing/common";
import { purchasingDailyAlerts } from "./purchasing-daily-alerts";
import { replenishmentDaily } from "./replenishment";

// Enough connections for both "instances" to really run side by side.
process.env.DATABASE_POOL_MAX = "20";
const cron = { name: "inngest/scheduled.timer", data: {} };
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("a cron fired on two instances at once", () => {
  it("daily alerts and replenishment: both runs succeed, every effect exists once", async () => {
    const t = await makeTenant();
    const today = todayIn();
    const supplierId = await makeSupplier(t.tenantId, { name: "Dos Instancias SA", paymentTermsDays: 0 });
    const p = await makeProduct(t.tenantId, { name: "Leche larga vida" });
    for (const day of [shift(today, 3), shift(today, -2)]) {
      await withTenant(t.tenantId, (tx) =>
        receiveGoods(tx, { idempotencyKey: randomUUID(), supplierId, receivedOn: day, lines: [{ productId: p, quantity: "1", unitCost: "100" }] }, { userId: null }),
      );
    }
    const family = await makeFamily(t.tenantId, "Cacao", "g", "10000");
    const bag = await makeProduct(t.tenantId, { name: "Cacao 400 g", familyId: family, conversionFactor: "400" });
    await addStock(t.tenantId, bag, t.warehouseId, "5");
    // The receipts alerted already; start from nothing to see what the crons create.
    const admin = adminSql();
    await admin`delete from notifications where tenant_id = ${t.tenantId}`;

    const [a1, a2, r1, r2] = await Promise.all([
      new InngestTestEngine({ function: purchasingDailyAlerts }).execute({ events: [cron] }),
      new InngestTestEngine({ function: purchasingDailyAlerts }).execute({ events: [cron] }),
      new InngestTestEngine({ function: replenishmentDaily }).execute({ events: [cron] }),
      new InngestTestEngine({ function: replenishmentDaily }).execute({ events: [cron] }),
    ]);
    for (const r of [a1, a2, r1, r2]) expect(r.error).toBeUndefined();

    const counts = await withTenant(t.tenantId, async (tx) => {
      const [c] = await tx.execute<{ payable_notes: number; distinct_keys: number; runs: number; suggestions: number; repl_notes: number }>(sql`
        select (select count(*)::int from notifications where kind like 'PAYABLE_%') as payable_notes,
               (select count(distinct dedupe_key)::int from notifications) as distinct_keys,
               (select count(*)::int from replenishment_runs) as runs,
               (select count(*)::int from replenishment_suggestions) as suggestions,
               (select count(*)::int from notifications where kind = 'REPLENISHMENT') as repl_notes`);
      return c!;
    });
    expect(counts).toMatchObject({ payable_notes: 2, runs: 1, suggestions: 1, repl_notes: 1 });
    const [all] = await admin<{ n: number }[]>`select count(*)::int as n from notifications where tenant_id = ${t.tenantId}`;
    expect(all!.n).toBe(counts.distinct_keys); // no key twice
    await admin.end();
  });
});
