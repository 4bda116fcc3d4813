import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { openSession, saleInput, seedProduct } from "../pos/test-helpers";
import { syncSalesGrouped } from "./sync-sales-grouped";

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: { userId: string };
let registerId: string;
let sessionId: string;
let cola: string;

const run = <T,>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn, { userId: cashier.userId });

beforeAll(async () => {
  t = await makeTenant("Kiosco grupos");
  cashier = await addMember(t.tenantId, "CASHIER");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
  sessionId = (await openSession(t.tenantId, cashier.userId, registerId, "0.00")).id;
  cola = await seedProduct(t.tenantId, t.ownerId, { name: "Cola", price: "1000.00", stock: [{ warehouseId: t.warehouseId, quantity: "100", unitCost: "500" }] });
});

describe("syncSalesGrouped", () => {
  it("applies sales several per transaction; a refused one rolls back alone; a replay changes nothing; durable receipt then after-commit", async () => {
    const ok = (n: number) => saleInput(registerId, sessionId, [{ productId: cola, quantity: String(n), unitPrice: "1000.00" }], [{ method: "CASH", amount: `${n * 1000}.00` }]);
    const sales = [ok(1), ok(2), saleInput(registerId, randomUUID(), [{ productId: cola, quantity: "1", unitPrice: "1000.00" }], [{ method: "CASH", amount: "1000.00" }]), ok(3), { id: "x" }, ok(1)];
    const events: string[] = [];
    const opts = {
      groupSize: 2,
      log: () => {},
      durableReceipt: async () => void events.push("receipt"),
      afterCommit: (r: { saleId: string }) => void events.push(`after:${r.saleId}`),
    };
    const first = await syncSalesGrouped(run, sales, { userId: cashier.userId }, opts);
    expect(first.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED", "REFUSED", "ACCEPTED", "REFUSED", "ACCEPTED"]);
    expect(first.filter((r) => r.ticketNumber).map((r) => r.ticketNumber)).toEqual([1, 2, 3, 4]);
    expect(events[0]).toBe("receipt");
    expect(events.slice(1).sort()).toEqual([0, 1, 3, 5].map((i) => `after:${(sales[i] as { id: string }).id}`).sort());

    const replay = await syncSalesGrouped(run, sales, { userId: cashier.userId }, { ...opts, groupSize: 50 });
    expect(replay.map((r) => r.status)).toEqual(["DUPLICATE", "DUPLICATE", "REFUSED", "DUPLICATE", "REFUSED", "DUPLICATE"]);
    const [n] = await admin<{ sales: number; units: string; cash: string }[]>`
      select (select count(*)::int from sales where cash_session_id = ${sessionId}) as sales,
             (select coalesce(sum(quantity), 0)::text from stock_levels where product_id = ${cola}) as units,
             (select coalesce(sum(amount), 0)::text from cash_movements where cash_session_id = ${sessionId}) as cash`;
    expect(n).toEqual({ sales: 4, units: "93.000", cash: "7000.00" });
  });

  it("a price the product never had is accepted and flagged, as through the per-sale door", async () => {
    const tampered = saleInput(registerId, sessionId, [{ productId: cola, quantity: "1", unitPrice: "1.00" }], [{ method: "CASH", amount: "1.00" }]);
    const [r] = await syncSalesGrouped(run, [tampered], { userId: cashier.userId }, { log: () => {} });
    expect(r).toMatchObject({ status: "ACCEPTED_WITH_CONFLICT", catalogConflict: true });
  });

  it("two syncs of the same backlog at once never duplicate", async () => {
    const sales = Array.from({ length: 12 }, () => saleInput(registerId, sessionId, [{ productId: cola, quantity: "1", unitPrice: "1000.00" }], [{ method: "CASH", amount: "1000.00" }]));
    const [a, b] = await Promise.all([
      syncSalesGrouped(run, sales, { userId: cashier.userId }, { groupSize: 5, log: () => {} }),
      syncSalesGrouped(run, [...sales].reverse(), { userId: cashier.userId }, { groupSize: 4, log: () => {} }),
    ]);
    expect([...a, ...b].every((r) => r.status === "ACCEPTED" || r.status === "DUPLICATE" || r.status === "ERROR")).toBe(true);
    const [row] = await admin<{ n: number }[]>`select count(*)::int as n from sales where id = any(${sales.map((s) => s.id)}::uuid[])`;
    const errors = [...a, ...b].filter((r) => r.status === "ERROR").map((r) => r.id);
    // Every sale exists exactly once, except ones answered ERROR by both runs (the terminal resends those).
    expect(row!.n).toBe(12 - sales.filter((s) => errors.filter((e) => e === s.id).length === 2).length);
  });
});
