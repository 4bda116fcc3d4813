import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSql } from "../../test/factories";
import { makeSyncShop, type SyncShop } from "../../test/sync";
import { saleInput } from "../pos/test-helpers";
import { syncSalesGrouped } from "./sync-sales-grouped";

const admin = adminSql();
afterAll(() => admin.end());

let t: SyncShop;
let cola: string;

beforeAll(async () => {
  t = await makeSyncShop("Kiosco grupos");
  cola = await t.product("Cola", "1000.00", "100", "500");
});

describe("syncSalesGrouped", () => {
  it("applies sales several per transaction; a refused one rolls back alone; a replay changes nothing; durable receipt then after-commit", async () => {
    const ok = (n: number) => t.cashSale(cola, String(n), "1000.00");
    const sales = [ok(1), ok(2), saleInput(t.registerId, randomUUID(), [{ productId: cola, quantity: "1", unitPrice: "1000.00" }], [{ method: "CASH", amount: "1000.00" }]), ok(3), { id: "x" }, ok(1)];
    const events: string[] = [];
    const opts = {
      groupSize: 2,
      log: () => {},
      durableReceipt: async () => void events.push("receipt"),
      afterCommit: (r: { saleId: string }) => void events.push(`after:${r.saleId}`),
    };
    const first = await syncSalesGrouped(t.run, sales, { userId: t.cashier.userId }, opts);
    expect(first.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED", "REFUSED", "ACCEPTED", "REFUSED", "ACCEPTED"]);
    expect(first.filter((r) => r.ticketNumber).map((r) => r.ticketNumber)).toEqual([1, 2, 3, 4]);
    expect(events[0]).toBe("receipt");
    expect(events.slice(1).sort()).toEqual([0, 1, 3, 5].map((i) => `after:${(sales[i] as { id: string }).id}`).sort());

    const replay = await syncSalesGrouped(t.run, sales, { userId: t.cashier.userId }, { ...opts, groupSize: 50 });
    expect(replay.map((r) => r.status)).toEqual(["DUPLICATE", "DUPLICATE", "REFUSED", "DUPLICATE", "REFUSED", "DUPLICATE"]);
    const [n] = await admin<{ sales: number; units: string; cash: string }[]>`
      select (select count(*)::int from sales where cash_session_id = ${t.sessionId}) as sales,
             (select coalesce(sum(quantity), 0)::text from stock_levels where product_id = ${cola}) as units,
             (select coalesce(sum(amount), 0)::text from cash_movements where cash_session_id = ${t.sessionId}) as cash`;
    expect(n).toEqual({ sales: 4, units: "93.000", cash: "7000.00" });
  });

  it("a price the product never had is accepted and flagged, as through the per-sale door", async () => {
    const tampered = t.cashSale(cola, "1", "1.00");
    const [r] = await syncSalesGrouped(t.run, [tampered], { userId: t.cashier.userId }, { log: () => {} });
    expect(r).toMatchObject({ status: "ACCEPTED_WITH_CONFLICT", catalogConflict: true });
  });

  it("a batch in one group: the refused sale is answered alone with its reason, the others land; a shortfall is a recorded conflict; resent (lost response) it lands exactly once", async () => {
    const leche = await t.product("Leche", "500.00", "2", "300");
    const [before] = await admin<{ sales: number; cola: string }[]>`
      select (select count(*)::int from sales where cash_session_id = ${t.sessionId}) as sales,
             (select quantity::text from stock_levels where product_id = ${cola}) as cola`;
    const ok = () => t.cashSale(cola, "1", "1000.00");
    const short = t.cashSale(leche, "3", "500.00");
    const unpaid = t.cashSale(cola, "1", "1000.00", "10.00");
    const batch = [ok(), ok(), ok(), unpaid, ok(), short, ok()];
    const after: string[] = [];
    const opts = { log: () => {}, afterCommit: (r: { saleId: string }) => void after.push(r.saleId) };
    const first = await syncSalesGrouped(t.run, batch, { userId: t.cashier.userId }, opts);
    expect(first.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED", "REFUSED", "ACCEPTED", "ACCEPTED_WITH_CONFLICT", "ACCEPTED"]);
    expect(first[3]).toMatchObject({ id: unpaid.id, code: "VALIDATION", message: expect.stringContaining("Falta cobrar") });
    expect(first[5]).toMatchObject({ stockConflict: true });
    const tickets = first.flatMap((r) => (r.ticketNumber ? [r.ticketNumber] : []));
    expect(tickets).toEqual(tickets.map((_, k) => tickets[0]! + k)); // gapless: the refusal took no number
    expect(after.sort()).toEqual(batch.filter((s) => s !== unpaid).map((s) => s.id).sort());

    const again = await syncSalesGrouped(t.run, batch, { userId: t.cashier.userId }, { ...opts, afterCommit: () => void after.push("again") });
    expect(again.map((r) => r.status)).toEqual(["DUPLICATE", "DUPLICATE", "DUPLICATE", "REFUSED", "DUPLICATE", "DUPLICATE", "DUPLICATE"]);
    expect(again.map((r) => r.ticketNumber)).toEqual(first.map((r) => r.ticketNumber));
    expect(after).not.toContain("again");
    const [n] = await admin<{ sales: number; cola: string; leche: string; conflicts: number; unpaid: number }[]>`
      select (select count(*)::int from sales where cash_session_id = ${t.sessionId}) as sales,
             (select quantity::text from stock_levels where product_id = ${cola}) as cola,
             (select quantity::text from stock_levels where product_id = ${leche}) as leche,
             (select count(*)::int from stock_conflicts where sale_id = ${short.id}) as conflicts,
             (select count(*)::int from sales where id = ${unpaid.id}) as unpaid`;
    expect(n).toEqual({ sales: before!.sales + 6, cola: (Number(before!.cola) - 5).toFixed(3), leche: "-1.000", conflicts: 1, unpaid: 0 });
  });

  it("a clean batch runs in one go, without a savepoint per sale; one refusal replays its group with savepoints", async () => {
    let savepoints = 0;
    const counting: typeof t.run = (fn) =>
      t.run((tx) => fn(new Proxy(tx, { get: (target, prop, recv) => (prop === "transaction" ? (savepoints++, Reflect.get(target, prop, recv)) : Reflect.get(target, prop, recv)) })));
    const ok = () => t.cashSale(cola, "1", "1000.00");
    const clean = await syncSalesGrouped(counting, [ok(), ok(), ok(), ok()], { userId: t.cashier.userId }, { log: () => {} });
    expect(clean.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(savepoints).toBe(0);
    const bad = t.cashSale(cola, "1", "1000.00", "1.00");
    const mixed = await syncSalesGrouped(counting, [ok(), bad, ok()], { userId: t.cashier.userId }, { log: () => {} });
    expect(mixed.map((r) => r.status)).toEqual(["ACCEPTED", "REFUSED", "ACCEPTED"]);
    expect(savepoints).toBe(3);
  });

  it("the same sale twice in one batch lands once", async () => {
    const s = t.cashSale(cola, "1", "1000.00");
    const r = await syncSalesGrouped(t.run, [s, s], { userId: t.cashier.userId }, { log: () => {} });
    expect(r.map((x) => x.status)).toEqual(["ACCEPTED", "DUPLICATE"]);
    const [n] = await admin<{ n: number }[]>`select count(*)::int as n from sales where id = ${s.id}`;
    expect(n!.n).toBe(1);
  });

  it("two syncs of the same backlog at once never duplicate", async () => {
    const sales = Array.from({ length: 12 }, () => t.cashSale(cola, "1", "1000.00"));
    const [a, b] = await Promise.all([
      syncSalesGrouped(t.run, sales, { userId: t.cashier.userId }, { groupSize: 5, log: () => {} }),
      syncSalesGrouped(t.run, [...sales].reverse(), { userId: t.cashier.userId }, { groupSize: 4, log: () => {} }),
    ]);
    expect([...a, ...b].every((r) => r.status === "ACCEPTED" || r.status === "DUPLICATE" || r.status === "ERROR")).toBe(true);
    const [row] = await admin<{ n: number }[]>`select count(*)::int as n from sales where id = any(${sales.map((s) => s.id)}::uuid[])`;
    const errors = [...a, ...b].filter((r) => r.status === "ERROR").map((r) => r.id);
    // Every sale exists exactly once, except ones answered ERROR by both runs (the terminal resends those).
    expect(row!.n).toBe(12 - sales.filter((s) => errors.filter((e) => e === s.id).length === 2).length);
  });
});
