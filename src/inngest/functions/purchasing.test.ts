import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { withTenant } from "@/server/db/with-tenant";
import { adminSql, makeTenant } from "@/test/factories";
import { makeProduct } from "@/test/inventory";
import { addStock, makeFamily, makeSupplier } from "@/test/purchasing";
import { receiveGoods } from "@/server/purchasing/receive-goods";
import { recordPayment } from "@/server/purchasing/payables";
import { receiveStock } from "@/server/inventory/receive-stock";
import { todayIn } from "@/server/purchasing/common";
import { purchasingDailyAlerts } from "./purchasing-daily-alerts";
import { replenishmentDaily, replenishmentRequested, REPLENISHMENT_REQUESTED } from "./replenishment";
import { GET } from "@/app/api/inngest/route";

const actor = { userId: null };
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const cron = { name: "inngest/scheduled.timer", data: {} };

async function notificationsOf(tenantId: string) {
  return withTenant(tenantId, (tx) =>
    tx.execute<{ kind: string; title: string; dedupe_key: string; link: string | null }>(
      sql`select kind, title, dedupe_key, link from notifications order by kind, dedupe_key`,
    ),
  );
}

describe("daily alerts (Inngest cron, real Postgres)", () => {
  it("notifies due-soon and overdue payables and expiring lots once per tenant and day; re-runs add nothing", async () => {
    const today = todayIn();
    const t = await makeTenant();
    const other = await makeTenant();
    const supplierId = await makeSupplier(t.tenantId, { name: "Lácteos del Sur", paymentTermsDays: 0 });
    const p = await makeProduct(t.tenantId);
    const receive = (receivedOn: string, amount = "100") =>
      withTenant(t.tenantId, (tx) => receiveGoods(tx, { idempotencyKey: randomUUID(), supplierId, receivedOn, lines: [{ productId: p, quantity: "1", unitCost: amount }] }, actor));
    const dueSoon = await receive(shift(today, 7)); // due in exactly 7 days → DUE_SOON
    const dueToday = await receive(today); // due today → DUE_SOON
    const overdue = await receive(shift(today, -1)); // OVERDUE
    await receive(shift(today, 8)); // CURRENT → no alert
    const paid = await receive(shift(today, 2));
    await withTenant(t.tenantId, (tx) => recordPayment(tx, { payableId: paid.payableId, amount: "100", method: "CASH" }, actor));
    // Lots: one inside the 15-day window, one outside.
    await withTenant(t.tenantId, (tx) =>
      receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "3", unitCost: "1", lotNumber: "VENCE", expiresAt: shift(today, 15) }, actor),
    );
    await withTenant(t.tenantId, (tx) =>
      receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "3", unitCost: "1", lotNumber: "LEJOS", expiresAt: shift(today, 16) }, actor),
    );

    // Receipts already alert for payables due within the week (same dedupe keys as the cron).
    expect((await notificationsOf(t.tenantId)).map((n) => n.kind).sort()).toEqual(["PAYABLE_DUE_SOON", "PAYABLE_DUE_SOON", "PAYABLE_DUE_SOON", "PAYABLE_OVERDUE"]); // incl. the one paid later
    // Start from nothing to see what the cron itself creates.
    const wipe = adminSql();
    await wipe`delete from notifications where tenant_id = ${t.tenantId}`;
    await wipe.end();

    const engine = new InngestTestEngine({ function: purchasingDailyAlerts });
    const first = await engine.execute({ events: [cron] });
    expect(first.error).toBeUndefined();
    const mine = (first.result as { results: { tenantId: string; payables: { created: number }; lots: { lots: number } }[] }).results.find(
      (r) => r.tenantId === t.tenantId,
    )!;
    expect(mine).toMatchObject({ payables: { created: 3, dueSoon: 2, overdue: 1 }, lots: { created: 1, lots: 1 }, windowDays: 15 });

    const notes = await notificationsOf(t.tenantId);
    expect(notes.map((n) => n.dedupe_key).sort()).toEqual(
      [
        `lots-expiring:${today}`,
        `payable:${dueSoon.payableId}:DUE_SOON`,
        `payable:${dueToday.payableId}:DUE_SOON`,
        `payable:${overdue.payableId}:OVERDUE`,
      ].sort(),
    );
    expect(notes.find((n) => n.dedupe_key.includes(dueToday.payableId))!.title).toBe("Pago por vencer: Lácteos del Sur vence hoy");
    expect(notes.find((n) => n.dedupe_key.includes(dueSoon.payableId))!.title).toMatch(/vence en 7 días/);
    expect(notes.find((n) => n.kind === "LOTS_EXPIRING")!.title).toMatch(/^1 lote vence en los próximos 15 días/);
    expect(await notificationsOf(other.tenantId)).toEqual([]); // nothing leaks to another tenant

    // Same day again (a retry, a manual re-run): nothing new.
    const second = await new InngestTestEngine({ function: purchasingDailyAlerts }).execute({ events: [cron] });
    expect(second.error).toBeUndefined();
    expect(await notificationsOf(t.tenantId)).toHaveLength(4);

    // The tenant's window is honoured: 16 days → the far lot counts too, but today's digest already exists.
    const admin = adminSql();
    await admin`update tenants set settings = settings || '{"expiryAlertDays": 16}'::jsonb where id = ${t.tenantId}`;
    await admin.end();
    const third = await new InngestTestEngine({ function: purchasingDailyAlerts }).execute({ events: [cron] });
    const r3 = (third.result as { results: { tenantId: string; lots: { created: number; lots: number } }[] }).results.find((r) => r.tenantId === t.tenantId)!;
    expect(r3.lots).toEqual({ created: 0, lots: 2 });
    expect(await notificationsOf(t.tenantId)).toHaveLength(4);
  });
});

describe("replenishment (Inngest cron and on-demand event)", () => {
  it("writes today's suggestions once per tenant and day; the event refreshes them", async () => {
    const t = await makeTenant();
    const family = await makeFamily(t.tenantId, "Cacao", "g", "10000");
    const bag400 = await makeProduct(t.tenantId, { name: "Cacao 400 g", familyId: family, conversionFactor: "400" });
    const bag900 = await makeProduct(t.tenantId, { name: "Cacao 900 g", familyId: family, conversionFactor: "900" });
    await addStock(t.tenantId, bag400, t.warehouseId, "5");
    await addStock(t.tenantId, bag900, t.warehouseId, "3");
    const count = () =>
      withTenant(t.tenantId, async (tx) => {
        const [r] = await tx.execute<{ runs: number; suggestions: number; notes: number; need: string | null }>(sql`
          select (select count(*)::int from replenishment_runs) as runs, (select count(*)::int from replenishment_suggestions) as suggestions,
                 (select count(*)::int from notifications where kind = 'REPLENISHMENT') as notes,
                 (select max(need)::text from replenishment_suggestions) as need`);
        return r!;
      });

    const r1 = await new InngestTestEngine({ function: replenishmentDaily }).execute({ events: [cron] });
    expect(r1.error).toBeUndefined();
    expect(await count()).toEqual({ runs: 1, suggestions: 1, notes: 1, need: "5300.000" });
    const r2 = await new InngestTestEngine({ function: replenishmentDaily }).execute({ events: [cron] });
    expect((r2.result as { results: { tenantId: string; skipped: boolean }[] }).results.find((r) => r.tenantId === t.tenantId)!.skipped).toBe(true);
    expect(await count()).toEqual({ runs: 1, suggestions: 1, notes: 1, need: "5300.000" });

    // Stock arrives; the manager asks for a recalculation from the UI (event).
    await addStock(t.tenantId, bag900, t.warehouseId, "2"); // +1800 g → need 3500 g
    const ev = { name: REPLENISHMENT_REQUESTED, data: { tenantId: t.tenantId } };
    const r3 = await new InngestTestEngine({ function: replenishmentRequested }).execute({ events: [ev] });
    expect(r3.error).toBeUndefined();
    expect(await count()).toEqual({ runs: 1, suggestions: 1, notes: 1, need: "3500.000" });
    // Re-delivery of the same request: same state.
    await new InngestTestEngine({ function: replenishmentRequested }).execute({ events: [ev] });
    expect(await count()).toEqual({ runs: 1, suggestions: 1, notes: 1, need: "3500.000" });
  });

  it("an event without tenant fails without retrying", async () => {
    const r = await new InngestTestEngine({ function: replenishmentRequested }).execute({ events: [{ name: REPLENISHMENT_REQUESTED, data: {} }] });
    expect(r.error).toBeDefined();
  });
});

describe("GET /api/inngest", () => {
  it("lists the functions with their cron triggers", async () => {
    // Without a signing key only a local caller is answered (the server front vouches for it).
    process.env.MOSTRADOR_EDGE_TOKEN ??= "test-edge-token";
    const local = { "x-mostrador-client-ip": "127.0.0.1", "x-mostrador-edge": process.env.MOSTRADOR_EDGE_TOKEN };
    const res = await GET(new NextRequest("http://localhost:3000/api/inngest", { headers: local }), {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { function_count: number; functions: { id: string; triggers: { cron?: string; event?: string }[] }[] };
    const byId = Object.fromEntries(body.functions.map((f) => [f.id, f.triggers]));
    expect(byId["mostrador-purchasing-daily-alerts"]).toEqual([{ cron: "TZ=America/Argentina/Buenos_Aires 0 7 * * *" }]);
    expect(byId["mostrador-replenishment-daily"]).toEqual([{ cron: "TZ=America/Argentina/Buenos_Aires 30 6 * * *" }]);
    expect(byId["mostrador-replenishment-requested"]).toEqual([{ event: "purchasing/replenishment.requested" }]);
    // Inngest counts an onFailure handler as a function of its own.
    expect(body.function_count).toBeGreaterThanOrEqual(body.functions.length);
  });
});
