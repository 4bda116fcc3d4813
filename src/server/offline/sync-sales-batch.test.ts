import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { openSession, saleInput, seedProduct } from "../pos/test-helpers";
import { syncSalesBatch } from "./sync-sales-batch";
import { recordSyncBatch } from "./record-sync-batch";

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: { userId: string };
let registerId: string;
let sessionId: string;
let cola: string;
let pan: string;

const run = <T,>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn, { userId: cashier.userId });
const batch = (sales: unknown[], concurrency = 1) => syncSalesBatch(run, sales, { userId: cashier.userId }, { log: () => {}, concurrency });
const stockOf = async (productId: string) =>
  (await admin<{ q: string }[]>`select coalesce(sum(quantity), 0)::text as q from stock_levels where tenant_id = ${t.tenantId} and product_id = ${productId}`)[0]!.q;

beforeAll(async () => {
  t = await makeTenant("Kiosco");
  cashier = await addMember(t.tenantId, "CASHIER");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
  sessionId = (await openSession(t.tenantId, cashier.userId, registerId, "500.00")).id;
  cola = await seedProduct(t.tenantId, t.ownerId, { name: "Cola 500", price: "1400.00", barcode: "7790001", stock: [{ warehouseId: t.warehouseId, quantity: "10", unitCost: "800" }] });
  // The price went up while the terminal may have been offline: 1400 is still an honest price.
  await admin`update products set sale_price = 1500 where id = ${cola}`;
  pan = await seedProduct(t.tenantId, t.ownerId, { name: "Pan", price: "900.00", barcode: "7790002", stock: [{ warehouseId: t.warehouseId, quantity: "1", unitCost: "400" }] });
});

describe("syncSalesBatch", () => {
  it("applies each sale on its own: accepted, oversold (accepted + conflict, offline price kept), refused, invalid", async () => {
    const ok = saleInput(registerId, sessionId, [{ productId: cola, quantity: "2", unitPrice: "1400.00" }], [{ method: "CASH", amount: "3000.00" }]);
    const oversell = saleInput(registerId, sessionId, [{ productId: pan, quantity: "3", unitPrice: "900.00" }], [{ method: "DEBIT", amount: "2700.00" }]);
    const badSession = saleInput(registerId, randomUUID(), [{ productId: cola, quantity: "1", unitPrice: "1500.00" }], [{ method: "CASH", amount: "1500.00" }]);
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
    const s1 = saleInput(registerId, sessionId, [{ productId: cola, quantity: "1", unitPrice: "1500.00" }], [{ method: "CASH", amount: "2000.00" }]);
    const s2 = saleInput(registerId, sessionId, [{ productId: cola, quantity: "1", unitPrice: "1500.00" }], [{ method: "TRANSFER", amount: "1500.00" }]);
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
    const sales = Array.from({ length: 8 }, () =>
      saleInput(registerId, sessionId, [{ productId: cola, quantity: "0.5", unitPrice: "1500.00" }], [{ method: "CASH", amount: "750.00" }]),
    );
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
    const s = saleInput(registerId, sessionId, [{ productId: cola, quantity: "1", unitPrice: "1500.00" }], [{ method: "CASH", amount: "1500.00" }]);
    const seen: string[] = [];
    const opts = { log: () => {}, afterCommit: (r: { saleId: string }) => void seen.push(r.saleId) };
    await syncSalesBatch(run, [s], { userId: cashier.userId }, opts);
    await syncSalesBatch(run, [s], { userId: cashier.userId }, opts);
    expect(seen).toEqual([s.id]);
  });

  it("with a durable receipt: sales commit relaxed, the batch ends with one durable audit row; a failed receipt means no answers", async () => {
    const agua = await seedProduct(t.tenantId, t.ownerId, { name: "Agua", price: "800.00", stock: [{ warehouseId: t.warehouseId, quantity: "50", unitCost: "300" }] });
    const sales = [1, 2, 3].map(() =>
      saleInput(registerId, sessionId, [{ productId: agua, quantity: "1", unitPrice: "800.00" }], [{ method: "CASH", amount: "800.00" }]),
    );
    const settings: string[] = [];
    const results = await syncSalesBatch(run, sales, { userId: cashier.userId }, {
      log: () => {},
      writer: async (tx, input, actor) => {
        const [row] = await tx.execute<{ v: string }>(sql`select current_setting('synchronous_commit') as v`);
        settings.push(row!.v);
        const { createSale } = await import("../pos/create-sale");
        return createSale(tx, input, actor, { mode: "offline" });
      },
      durableReceipt: (rs) => run((tx) => recordSyncBatch(tx, { results: rs, durationMs: 12 }, { userId: cashier.userId })),
    });
    expect(results.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(settings).toEqual(["off", "off", "off"]);
    const [receipt] = await admin`select sales, accepted, duplicates, refused, user_id from offline_sync_batches where tenant_id = ${t.tenantId} order by created_at desc limit 1`;
    expect(receipt).toMatchObject({ sales: 3, accepted: 3, duplicates: 0, refused: 0, user_id: cashier.userId });

    await expect(
      syncSalesBatch(run, sales, { userId: cashier.userId }, { log: () => {}, durableReceipt: async () => { throw new Error("disk full"); } }),
    ).rejects.toThrow("disk full");
  });
});
