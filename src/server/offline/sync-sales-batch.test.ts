import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSql } from "../../test/factories";
import { makeSyncShop, type SyncShop } from "../../test/sync";
import { saleInput } from "../pos/test-helpers";
import { syncSalesBatch } from "./sync-sales-batch";
import { recordSyncBatch } from "./record-sync-batch";

const admin = adminSql();
afterAll(() => admin.end());

let t: SyncShop;
let cola: string;
let pan: string;

const batch = (sales: unknown[], concurrency = 1) => syncSalesBatch(t.run, sales, { userId: t.cashier.userId }, { log: () => {}, concurrency });
const stockOf = async (productId: string) =>
  (await admin<{ q: string }[]>`select coalesce(sum(quantity), 0)::text as q from stock_levels where tenant_id = ${t.tenantId} and product_id = ${productId}`)[0]!.q;

beforeAll(async () => {
  t = await makeSyncShop("Kiosco", "500.00");
  cola = await t.product("Cola 500", "1400.00", "10", "800", "7790001");
  // The price went up while the terminal may have been offline: 1400 is still an honest price.
  await admin`update products set sale_price = 1500 where id = ${cola}`;
  pan = await t.product("Pan", "900.00", "1", "400", "7790002");
});

describe("syncSalesBatch", () => {
  it("applies each sale on its own: accepted, oversold (accepted + conflict, offline price kept), refused, invalid", async () => {
    const ok = t.cashSale(cola, "2", "1400.00", "3000.00");
    const oversell = t.sale([{ productId: pan, quantity: "3", unitPrice: "900.00" }], [{ method: "DEBIT", amount: "2700.00" }]);
    const badSession = saleInput(t.registerId, randomUUID(), [{ productId: cola, quantity: "1", unitPrice: "1500.00" }], [{ method: "CASH", amount: "1500.00" }]);
    const invalid = { id: randomUUID(), lines: [] };

    const results = await batch([ok, oversell, badSession, invalid]);
    expect(results.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED_WITH_CONFLICT", "REFUSED", "REFUSED"]);
    expect(results[2]).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/sesión/i) });
    expect(results[3]).toMatchObject({ id: invalid.id, code: "VALIDATION" });

    const [sale] = await admin<{ total: string; mode: string; stock_conflict: boolean }[]>`select total, mode, stock_conflict from sales where id = ${ok.id}`;
    expect(sale).toMatchObject({ total: "2800.00", mode: "OFFLINE", stock_conflict: false }); // offline price 1400, not 1500
    const conflicts = await admin`select product_id, shortfall from stock_conflicts where sale_id = ${oversell.id}`;
    expect(conflicts).toEqual([{ product_id: pan, shortfall: "2.000" }]);
    expect(await stockOf(cola)).toBe("8.000");
    const refusedRows = await admin`select 1 from sales where id = ${badSession.id}`;
    expect(refusedRows).toHaveLength(0);
  });

  it("a replay (lost response) answers DUPLICATE and changes nothing", async () => {
    const s1 = t.cashSale(cola, "1", "1500.00", "2000.00");
    const s2 = t.sale([{ productId: cola, quantity: "1", unitPrice: "1500.00" }], [{ method: "TRANSFER", amount: "1500.00" }]);
    const first = await batch([s1, s2]);
    expect(first.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED"]);
    const before = await admin<{ n: number; cash: string }[]>`
      select (select count(*)::int from sales where tenant_id = ${t.tenantId}) as n,
             (select sum(amount)::text from cash_movements where tenant_id = ${t.tenantId}) as cash`;
    const stockBefore = await stockOf(cola);

    const again = await batch([s1, s2]);
    expect(again.map((r) => r.status)).toEqual(["DUPLICATE", "DUPLICATE"]);
    expect(again.map((r) => r.ticketNumber)).toEqual(first.map((r) => r.ticketNumber));
    const after = await admin<{ n: number; cash: string }[]>`
      select (select count(*)::int from sales where tenant_id = ${t.tenantId}) as n,
             (select sum(amount)::text from cash_movements where tenant_id = ${t.tenantId}) as cash`;
    expect(after).toEqual(before);
    expect(await stockOf(cola)).toBe(stockBefore);
  });

  it("two tabs sending the same batch at once: every sale exists exactly once", async () => {
    const sales = Array.from({ length: 8 }, () => t.cashSale(cola, "0.5", "1500.00"));
    const [a, b] = await Promise.all([batch(sales, 4), batch(sales, 3)]);
    for (let i = 0; i < sales.length; i++) {
      expect([a[i]!.status, b[i]!.status].sort()).toEqual(["ACCEPTED", "DUPLICATE"]);
    }
    const ids = sales.map((s) => s.id);
    const [salesCount] = await admin<{ n: number }[]>`select count(*)::int as n from sales where id = any(${ids}::uuid[])`;
    expect(salesCount!.n).toBe(8);
    const [movesCount] = await admin<{ n: number }[]>`select count(*)::int as n from cash_movements where sale_id = any(${ids}::uuid[])`;
    expect(movesCount!.n).toBe(8);
  });

  it("runs after-commit hooks only for newly created sales", async () => {
    const s = t.cashSale(cola, "1", "1500.00");
    const seen: string[] = [];
    const opts = { log: () => {}, afterCommit: (r: { saleId: string }) => void seen.push(r.saleId) };
    await syncSalesBatch(t.run, [s], { userId: t.cashier.userId }, opts);
    await syncSalesBatch(t.run, [s], { userId: t.cashier.userId }, opts);
    expect(seen).toEqual([s.id]);
  });

  it("with a durable receipt: sales commit relaxed, the batch ends with one durable audit row; a failed receipt means no answers", async () => {
    const agua = await t.product("Agua", "800.00", "50", "300");
    const sales = [1, 2, 3].map(() => t.cashSale(agua, "1", "800.00"));
    const settings: string[] = [];
    const results = await syncSalesBatch(t.run, sales, { userId: t.cashier.userId }, {
      log: () => {},
      writer: async (tx, input, actor) => {
        const [row] = await tx.execute<{ v: string }>(sql`select current_setting('synchronous_commit') as v`);
        settings.push(row!.v);
        const { createSale } = await import("../pos/create-sale");
        return createSale(tx, input, actor, { mode: "offline" });
      },
      durableReceipt: (rs) => t.run((tx) => recordSyncBatch(tx, { results: rs, durationMs: 12 }, { userId: t.cashier.userId })),
    });
    expect(results.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(settings).toEqual(["off", "off", "off"]);
    const [receipt] = await admin`select sales, accepted, duplicates, refused, user_id from offline_sync_batches where tenant_id = ${t.tenantId} order by created_at desc limit 1`;
    expect(receipt).toMatchObject({ sales: 3, accepted: 3, duplicates: 0, refused: 0, user_id: t.cashier.userId });

    await expect(
      syncSalesBatch(t.run, sales, { userId: t.cashier.userId }, { log: () => {}, durableReceipt: async () => { throw new Error("disk full"); } }),
    ).rejects.toThrow("disk full");
  });
});
