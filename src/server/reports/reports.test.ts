import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { makeProduct } from "../../test/inventory";
import { callerFor } from "../../test/caller";
import { withTenant } from "../db/with-tenant";
import { receiveStock } from "../inventory/receive-stock";
import { consumeStock } from "../inventory/consume-stock";
import { createSale } from "../pos/create-sale";
import { closeCashSession } from "../cash/close-cash-session";
import { openSession, saleInput } from "../pos/test-helpers";
import { addDays } from "@/lib/report-period";
import { businessClock } from "./common";
import { getRotationReport } from "./get-rotation-report";
import { getExpiryReport } from "./get-expiry-report";
import { getCashDeviations } from "./get-cash-deviations";
import { getDashboard } from "./get-dashboard";

// Hand-worked: Yogur (expiry) lots 10 @ 50 (today+3), 5 @ 60 (expired 2 days ago), 4 @ 70
// (today+45); Arroz 8 @ 100 with minimum 10; Fideos 6 @ 30, never sold. The 5 expired units
// are written off (CONSUME takes the expired lot first, FEFO); 2 Yogur and 3 Arroz are sold in
// cash; the session (float 1000) closes declaring 1850 against 1900 expected.
const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: Awaited<ReturnType<typeof addMember>>;
let today: string;
const p: Record<string, string> = {};
const asOwner = <T,>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn, { userId: t.ownerId });

beforeAll(async () => {
  t = await makeTenant("Despensa");
  cashier = await addMember(t.tenantId, "CASHIER");
  today = (await asOwner((tx) => businessClock(tx))).today;
  const w = t.warehouseId;
  p.yogur = await makeProduct(t.tenantId, { name: "Yogur", salePrice: "150", hasExpiry: true });
  p.arroz = await makeProduct(t.tenantId, { name: "Arroz", salePrice: "200", stockMin: "10" });
  p.fideos = await makeProduct(t.tenantId, { name: "Fideos", salePrice: "90" });
  await asOwner(async (tx) => {
    const actor = { userId: t.ownerId };
    await receiveStock(tx, { productId: p.yogur!, warehouseId: w, quantity: "10", unitCost: "50", expiresAt: addDays(today, 3) }, actor);
    await receiveStock(tx, { productId: p.yogur!, warehouseId: w, quantity: "5", unitCost: "60", expiresAt: addDays(today, -2) }, actor);
    await receiveStock(tx, { productId: p.yogur!, warehouseId: w, quantity: "4", unitCost: "70", expiresAt: addDays(today, 45) }, actor);
    await receiveStock(tx, { productId: p.arroz!, warehouseId: w, quantity: "8", unitCost: "100" }, actor);
    await receiveStock(tx, { productId: p.fideos!, warehouseId: w, quantity: "6", unitCost: "30" }, actor);
    await consumeStock(tx, { productId: p.yogur!, warehouseId: w, quantity: "5", destinationType: "INTERNAL", reference: "Vencidos" }, actor);
  });
  const registerId = (await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`)[0]!.id;
  const session = await openSession(t.tenantId, cashier.userId, registerId, "1000");
  await withTenant(
    t.tenantId,
    async (tx) => {
      const input = saleInput(registerId, session.id, [
        { productId: p.arroz!, quantity: "3", unitPrice: "200" },
        { productId: p.yogur!, quantity: "2", unitPrice: "150" },
      ], [{ method: "CASH", amount: "900" }]);
      await createSale(tx, input, { userId: cashier.userId }, { mode: "online" });
      await closeCashSession(tx, { cashSessionId: session.id, declared: [{ method: "CASH", amount: "1850" }] }, { userId: cashier.userId });
    },
    { userId: cashier.userId },
  );
});

describe("reports", () => {
  it("rotation: units sold, stock at start/end, average, turnover, days of stock and dead stock", async () => {
    const r = await asOwner((tx) => getRotationReport(tx, { from: today, to: today }));
    const by = Object.fromEntries(r.rows.map((x) => [x.name, x]));
    // Arroz: +8 −3 today → start 0, end 5, average 2,5; turnover 3 / 2,5; 5 ÷ 3 per day.
    expect(by["Arroz"]).toMatchObject({ unitsSold: "3.000", cost: "300.00", stockStart: "0.000", stockEnd: "5.000", averageStock: "2.500", turnover: "1.20", daysOfStock: "1.7", dead: false });
    // Yogur: +10 +5 +4 −5 −2 = 12; average 6; turnover 2 / 6; 12 ÷ 2 per day.
    expect(by["Yogur"]).toMatchObject({ unitsSold: "2.000", cost: "100.00", stockEnd: "12.000", averageStock: "6.000", turnover: "0.33", daysOfStock: "6.0", dead: false });
    expect(by["Fideos"]).toMatchObject({ unitsSold: "0.000", stockNow: "6.000", daysOfStock: null, dead: true });
    const dead = await asOwner((tx) => getRotationReport(tx, { from: today, to: today, onlyDead: true }));
    expect(dead.rows.map((x) => x.name)).toEqual(["Fideos"]);
  });

  it("expiry: buckets with quantity and value at cost, lots at risk, sold vs. expired losses", async () => {
    const r = await asOwner((tx) => getExpiryReport(tx, { from: today, to: today }));
    const b = Object.fromEntries(r.buckets.map((x) => [x.bucket, [x.lots, x.quantity, x.value]]));
    expect(b).toEqual({
      expired: [0, "0.000", "0.00"],
      d0_7: [1, "8.000", "400.00"], // 10 − 2 sold, @ 50
      d8_30: [0, "0.000", "0.00"],
      d31_90: [1, "4.000", "280.00"],
      d90_plus: [0, "0.000", "0.00"],
      none: [2, "11.000", "680.00"], // Arroz 5 @ 100 + Fideos 6 @ 30
    });
    expect(r.lots.map((l) => [l.product, l.daysLeft, l.quantity])).toEqual([["Yogur", 3, "8.000"], ["Yogur", 45, "4.000"]]);
    // Sold from lots with expiry: 2 @ 50 = 100; written off after expiry: 5 @ 60 = 300 (75 %).
    expect(r.losses).toEqual({ soldCost: "100.00", expiredCost: "300.00", expiredQuantity: "5.000", lossPct: "75.00" });
  });

  it("cash deviations by cashier, register and day", async () => {
    for (const by of ["cashier", "register", "day"] as const) {
      const r = await asOwner((tx) => getCashDeviations(tx, { from: today, to: today, by }));
      expect(r.rows).toHaveLength(1);
      expect(r.totals).toEqual({ closings: 1, expected: "1900.00", declared: "1850.00", deviation: "-50.00", absDeviation: "50.00", warning: 1, critical: 0, pendingReview: 0 });
    }
    const r = await asOwner((tx) => getCashDeviations(tx, { from: today, to: today, by: "cashier" }));
    expect(r.rows[0]!.label).toBe("CASHIER");
  });

  it("dashboard: tiles, comparison period and what is about to go wrong", async () => {
    const d = await asOwner((tx) => getDashboard(tx, { from: today, to: today }));
    expect(d.previous).toEqual({ from: addDays(today, -1), to: addDays(today, -1) });
    expect(d.current).toMatchObject({ net: "900.00", cost: "400.00", margin: "500.00", tickets: 1, averageTicket: "900.00" });
    expect(d.before).toMatchObject({ net: "0.00", tickets: 0, averageTicket: null, marginPct: null });
    expect(d.series.by).toBe("hour");
    expect(d.series.rows).toHaveLength(24);
    expect(d.methods.map((m) => [m.key, m.net])).toEqual([["CASH", "900.00"]]);
    expect(d.topByNet.map((x) => [x.label, x.net])).toEqual([["Arroz", "600.00"], ["Yogur", "300.00"]]);
    expect(d.topByMargin.map((x) => [x.label, x.margin])).toEqual([["Arroz", "300.00"], ["Yogur", "200.00"]]);
    expect(d.operations).toMatchObject({
      cash: { closings: 1, deviation: "-50.00", absDeviation: "50.00", critical: 0 },
      expiring: { days: 15, lots: 1, quantity: "8.000", value: "400.00" },
      belowMinimum: 1,
      fiscal: { pending: 0, rejected: 0 },
      payables: { dueCount: 0, overdueCount: 0 },
    });
    const week = await asOwner((tx) => getDashboard(tx, { from: addDays(today, -6), to: today }));
    expect(week.series.by).toBe("day");
    expect(week.series.rows.map((r) => r.key)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(today, i - 6)));
  });

  it("refuses an inverted period with a Spanish message", async () => {
    await expect(asOwner((tx) => getDashboard(tx, { from: today, to: addDays(today, -1) }))).rejects.toMatchObject({ code: "VALIDATION", message: "La fecha «Desde» es posterior a «Hasta»." });
  });

  it("roles: owner, manager, supervisor, auditor and viewer read reports; cashier and operator never", async () => {
    for (const role of ["MANAGER", "SUPERVISOR", "AUDITOR", "VIEWER"] as const) {
      const m = await addMember(t.tenantId, role);
      const d = await callerFor(m.userId, t.slug).reports.dashboard({ from: today, to: today });
      expect(d.current.net, role).toBe("900.00");
    }
    for (const role of ["CASHIER", "OPERATOR"] as const) {
      const m = await addMember(t.tenantId, role);
      await expect(callerFor(m.userId, t.slug).reports.dashboard({ from: today, to: today }), role).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(m.userId, t.slug).reports.sales({ from: today, to: today, by: "product" }), role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const own = await callerFor(t.ownerId, t.slug).reports.sales({ from: today, to: today, by: "product" });
    expect(own.totals.net).toBe("900.00");
  });
});
