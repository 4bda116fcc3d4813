import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { createSale, type CreateSaleOptions } from "./create-sale";
import { openSession, saleInput, seedProduct } from "./test-helpers";
import { isAppError } from "../errors/app-error";
import { closeCashSession } from "../cash/close-cash-session";
import type { TSaleInput } from "@/lib/schemas/sale";

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: { userId: string };
let registerId: string;
let sessionId: string;

async function newRegister(name: string) {
  const [r] = await admin<{ id: string }[]>`
    insert into registers (tenant_id, name, warehouse_id) values (${t.tenantId}, ${name}, ${t.warehouseId}) returning id`;
  return r!.id;
}
const stockOf = async (productId: string) =>
  (await admin<{ q: string }[]>`select coalesce(sum(quantity), 0)::text as q from lots where tenant_id = ${t.tenantId} and product_id = ${productId}`)[0]!.q;

const sell = (input: TSaleInput, opts: CreateSaleOptions = { mode: "online" }) =>
  withTenant(t.tenantId, (tx) => createSale(tx, input, { userId: cashier.userId }, opts), { userId: cashier.userId });

beforeAll(async () => {
  t = await makeTenant("Almacén");
  cashier = await addMember(t.tenantId, "CASHIER");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
  sessionId = (await openSession(t.tenantId, cashier.userId, registerId, "1000.00")).id;
});

describe("createSale", () => {
  it("rings a sale with several payments and change, stock exits with COGS per line, cash movements", async () => {
    const w = t.warehouseId;
    const yerba = await seedProduct(t.tenantId, t.ownerId, {
      name: "Yerba 1kg",
      price: "3500.00",
      stock: [
        { warehouseId: w, quantity: "1", unitCost: "2000.0000", receivedAt: new Date(Date.now() - 86_400_000) },
        { warehouseId: w, quantity: "10", unitCost: "2200.0000" },
      ],
    });
    const azucar = await seedProduct(t.tenantId, t.ownerId, { name: "Azúcar", price: "1200.50", stock: [{ warehouseId: w, quantity: "5", unitCost: "700" }] });
    const bolsa = await seedProduct(t.tenantId, t.ownerId, { name: "Servicio envío", price: "500", isService: true });

    const input = saleInput(
      registerId,
      sessionId,
      [
        { productId: yerba, quantity: "2", unitPrice: "3500.00", discount: "100.00" }, // 6900.00
        { productId: azucar, quantity: "1.5", unitPrice: "1200.50" }, // 1800.75
        { productId: bolsa, quantity: "1", unitPrice: "500" }, // 500.00
      ],
      [
        { method: "DEBIT", amount: "5000.00" },
        { method: "CREDIT", amount: "1000.00" },
        { method: "CASH", amount: "5000.00" },
      ],
      { discount: "200.75" }, // subtotal 9200.75 − 200.75 = 9000.00
    );
    const r = await sell(input);
    expect(r).toMatchObject({ saleId: input.id, status: "CREATED", total: "9000.00", change: "2000.00", stockConflict: false });
    expect(r.ticketNumber).toBe(1);

    const [sale] = await admin`select * from sales where id = ${input.id}`;
    expect(sale).toMatchObject({ subtotal: "9200.75", discount: "200.75", total: "9000.00", paid: "11000.00", change: "2000.00" });
    // FIFO: 1 × 2000 + 1 × 2200 for the yerba; 1.5 × 700 for the sugar; nothing for the service.
    const lines = await admin<{ line_no: number; total: string; cost_total: string; unit_price: string }[]>`
      select line_no, total, cost_total, unit_price from sale_lines where sale_id = ${input.id} order by line_no`;
    expect(lines.map((l) => [l.total, l.cost_total])).toEqual([
      ["6900.00", "4200.00"],
      ["1800.75", "1050.00"],
      ["500.00", "0.00"],
    ]);
    expect(sale!.cost_total).toBe("5250.00");
    expect(await stockOf(yerba)).toBe("9.000");
    expect(await stockOf(azucar)).toBe("3.500");

    const pays = await admin<{ method: string; amount: string; applied: string }[]>`
      select method, amount, applied from sale_payments where sale_id = ${input.id} order by line_no`;
    expect(pays).toEqual([
      { method: "DEBIT", amount: "5000.00", applied: "5000.00" },
      { method: "CREDIT", amount: "1000.00", applied: "1000.00" },
      { method: "CASH", amount: "5000.00", applied: "3000.00" },
    ]);
    const moves = await admin<{ type: string; method: string; amount: string }[]>`
      select type, method, amount from cash_movements where sale_id = ${input.id} order by method::text`;
    expect(moves).toEqual([
      { type: "SALE", method: "CASH", amount: "3000.00" },
      { type: "SALE", method: "CREDIT", amount: "1000.00" },
      { type: "SALE", method: "DEBIT", amount: "5000.00" },
    ]);
    const stockMoves = await admin<{ n: number }[]>`
      select count(*)::int as n from stock_movements where tenant_id = ${t.tenantId} and type = 'SALE' and source_id = ${input.id}`;
    expect(stockMoves[0]!.n).toBeGreaterThanOrEqual(3); // two yerba lots + one sugar lot
  });

  it("refuses short payments, card overpayment, online price changes and unknown products, changing nothing", async () => {
    const p = await seedProduct(t.tenantId, t.ownerId, { name: "Galletitas", price: "900", stock: [{ warehouseId: t.warehouseId, quantity: "3", unitCost: "400" }] });
    const line = [{ productId: p, quantity: "1", unitPrice: "900" }];
    await expect(sell(saleInput(registerId, sessionId, line, [{ method: "CASH", amount: "800" }]))).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Falta cobrar $ 100.00.",
    });
    await expect(sell(saleInput(registerId, sessionId, line, [{ method: "DEBIT", amount: "1000" }]))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      sell(saleInput(registerId, sessionId, [{ productId: p, quantity: "1", unitPrice: "1.00" }], [{ method: "CASH", amount: "900" }])),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      sell(saleInput(registerId, sessionId, [{ productId: crypto.randomUUID(), quantity: "1", unitPrice: "1" }], [{ method: "CASH", amount: "1" }])),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stockOf(p)).toBe("3.000");
  });

  it("insufficient stock online is a clear error; with allowNegativeStock it sells; offline it sells and flags a conflict", async () => {
    const p = await seedProduct(t.tenantId, t.ownerId, { name: "Alfajor", price: "800", stock: [{ warehouseId: t.warehouseId, quantity: "2", unitCost: "300" }] });
    const input = () => saleInput(registerId, sessionId, [{ productId: p, quantity: "3", unitPrice: "800" }], [{ method: "CASH", amount: "2400" }]);
    const err = await sell(input()).catch((e) => e);
    expect(isAppError(err) && err.code).toBe("INSUFFICIENT_STOCK");
    expect(err.details).toMatchObject({ productId: p, requested: expect.anything(), available: expect.anything() });
    expect(await stockOf(p)).toBe("2.000");

    const offline = input();
    offline.lines[0]!.unitPrice = "750"; // the offline client's (older) price is kept
    offline.payments[0]!.amount = "2250";
    const r = await sell(offline, { mode: "offline" });
    expect(r).toMatchObject({ status: "CREATED", stockConflict: true, total: "2250.00" });
    const conflicts = await admin`select requested, shortfall, status from stock_conflicts where sale_id = ${offline.id}`;
    expect(conflicts).toEqual([{ requested: "3.000", shortfall: "1.000", status: "OPEN" }]);

    const neg = await sell(input(), { mode: "online", allowNegativeStock: true });
    expect(neg).toMatchObject({ status: "CREATED", stockConflict: false });
  });

  it("is idempotent: a replay returns the first result, also when replays race the first submission", async () => {
    const p = await seedProduct(t.tenantId, t.ownerId, { name: "Agua", price: "600", stock: [{ warehouseId: t.warehouseId, quantity: "50", unitCost: "200" }] });
    const input = saleInput(registerId, sessionId, [{ productId: p, quantity: "2", unitPrice: "600" }], [{ method: "CASH", amount: "2000" }]);
    const first = await sell(input);
    const again = await sell(input);
    expect(again).toEqual({ ...first, status: "DUPLICATE", fiscalDocumentId: null });
    expect(await stockOf(p)).toBe("48.000");

    const racing = saleInput(registerId, sessionId, [{ productId: p, quantity: "1", unitPrice: "600" }], [{ method: "CASH", amount: "600" }]);
    const results = await Promise.all(Array.from({ length: 8 }, () => sell(racing)));
    expect(results.filter((r) => r.status === "CREATED")).toHaveLength(1);
    expect(new Set(results.map((r) => r.ticketNumber)).size).toBe(1);
    expect(await stockOf(p)).toBe("47.000");
    const [counts] = await admin<{ sales: number; moves: number }[]>`
      select (select count(*)::int from sales where id = ${racing.id}) as sales,
             (select count(*)::int from cash_movements where sale_id = ${racing.id}) as moves`;
    expect(counts).toEqual({ sales: 1, moves: 1 });
  });

  it("concurrent sales of the last unit: exactly one succeeds", async () => {
    const p = await seedProduct(t.tenantId, t.ownerId, { name: "Última unidad", price: "1000", stock: [{ warehouseId: t.warehouseId, quantity: "1", unitCost: "500" }] });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => sell(saleInput(registerId, sessionId, [{ productId: p, quantity: "1", unitPrice: "1000" }], [{ method: "CASH", amount: "1000" }]))),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "INSUFFICIENT_STOCK" });
    expect(await stockOf(p)).toBe("0.000");
  });

  it("ticket numbers have no gaps under 20 concurrent sales on one register (failures included)", async () => {
    const reg = await newRegister("Caja rápida");
    const s = await openSession(t.tenantId, cashier.userId, reg);
    const p = await seedProduct(t.tenantId, t.ownerId, { name: "Chicle", price: "100", stock: [{ warehouseId: t.warehouseId, quantity: "100", unitCost: "20" }] });
    const scarce = await seedProduct(t.tenantId, t.ownerId, { name: "Escaso", price: "100", stock: [{ warehouseId: t.warehouseId, quantity: "1", unitCost: "20" }] });
    const inputs = Array.from({ length: 20 }, (_, i) =>
      saleInput(reg, s.id, [{ productId: i % 5 === 4 ? scarce : p, quantity: "1", unitPrice: "100" }], [{ method: "CASH", amount: "100" }]),
    );
    const results = await Promise.allSettled(inputs.map((i) => sell(i)));
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.ticketNumber] : []));
    expect(ok.length).toBe(17); // 16 of the common product + 1 of the 4 scarce ones
    expect([...ok].sort((a, b) => a - b)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    const rows = await admin<{ n: number }[]>`select ticket_number as n from sales where register_id = ${reg} order by 1`;
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it("refuses a sale on a closed session or on another register's session", async () => {
    const reg = await newRegister("Otra caja");
    const p = await seedProduct(t.tenantId, t.ownerId, { name: "Mate", price: "100", isService: true });
    const l = [{ productId: p, quantity: "1", unitPrice: "100" }];
    await expect(sell(saleInput(reg, sessionId, l, [{ method: "CASH", amount: "100" }]))).rejects.toMatchObject({ code: "VALIDATION" });
    await admin`update cash_sessions set status = 'CLOSED' where register_id = ${reg}`; // none open: no-op
    const s = await openSession(t.tenantId, cashier.userId, reg);
    await admin`update cash_sessions set status = 'CLOSED' where id = ${s.id}`;
    await expect(sell(saleInput(reg, s.id, l, [{ method: "CASH", amount: "100" }]))).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("a closing waits for a sale in flight and counts it; no sale lands after the count", async () => {
    const reg = await newRegister("Caja cierre");
    const s = await openSession(t.tenantId, cashier.userId, reg, "100.00");
    const p = await seedProduct(t.tenantId, t.ownerId, { name: "Té", price: "50", isService: true });
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    let saleCommitted = false;
    const inFlight = withTenant(
      t.tenantId,
      async (tx) => {
        const r = await createSale(tx, saleInput(reg, s.id, [{ productId: p, quantity: "1", unitPrice: "50" }], [{ method: "CASH", amount: "50" }]), { userId: cashier.userId }, { mode: "online" });
        await hold; // the sale's transaction stays open
        return r;
      },
      { userId: cashier.userId },
    ).then((r) => {
      saleCommitted = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 150));
    const closing = withTenant(t.tenantId, (tx) =>
      closeCashSession(tx, { cashSessionId: s.id, declared: [{ method: "CASH", amount: "150.00" }] }, { userId: cashier.userId }),
    ).then((c) => ({ c, saleCommittedFirst: saleCommitted }));
    await new Promise((r) => setTimeout(r, 150));
    release();
    await inFlight;
    const { c, saleCommittedFirst } = await closing;
    expect(saleCommittedFirst).toBe(true);
    expect(c.closing).toMatchObject({ expectedTotal: "150.00", deviationClass: "NORMAL" });
    // And after the closing, the session refuses sales.
    await expect(sell(saleInput(reg, s.id, [{ productId: p, quantity: "1", unitPrice: "50" }], [{ method: "CASH", amount: "50" }]))).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });
});
