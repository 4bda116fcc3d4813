import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { makePack } from "../../test/inventory";
import { withTenant } from "../db/with-tenant";
import { createSale } from "../pos/create-sale";
import { voidSale } from "../pos/void-sale";
import { openSession, saleInput, seedProduct } from "../pos/test-helpers";
import { valuateStock } from "../inventory/valuate-stock";
import { getSalesSummary } from "./get-sales-summary";
import { getSalesBreakdown } from "./get-sales-breakdown";
import { getFiscalSummary } from "./get-fiscal-summary";
import { businessClock } from "./common";
import { sum } from "@/lib/decimal";

// Hand-worked figures (see each expectation) on a day with a line discount, a ticket
// discount spread over two lines, a split payment with change, a void, an offline sale of a
// pack's child (auto-unpack), a service line, a sale on a fiscal register, and a late-night
// offline sale that belongs to the previous local day.
const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: Awaited<ReturnType<typeof addMember>>;
let supervisor: Awaited<ReturnType<typeof addMember>>;
let registerId: string;
let sessionId: string;
let today: string;
const p: Record<string, string> = {};
const as = <T,>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn, { userId: cashier.userId });
const sell = (input: ReturnType<typeof saleInput>, mode: "online" | "offline" = "online") =>
  as((tx) => createSale(tx, input, { userId: cashier.userId }, { mode }));

beforeAll(async () => {
  t = await makeTenant("Almacén");
  cashier = await addMember(t.tenantId, "CASHIER");
  supervisor = await addMember(t.tenantId, "SUPERVISOR");
  registerId = (await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`)[0]!.id;
  sessionId = (await openSession(t.tenantId, cashier.userId, registerId, "1000")).id;
  const w = t.warehouseId;
  p.cafe = await seedProduct(t.tenantId, t.ownerId, {
    name: "Café",
    price: "1500",
    stock: [
      { warehouseId: w, quantity: "1", unitCost: "600", receivedAt: new Date("2026-01-01T12:00:00Z") },
      { warehouseId: w, quantity: "9", unitCost: "650", receivedAt: new Date("2026-01-02T12:00:00Z") },
    ],
  });
  p.medialuna = await seedProduct(t.tenantId, t.ownerId, { name: "Medialuna", price: "350", stock: [{ warehouseId: w, quantity: "20", unitCost: "100" }] });
  p.agua = await seedProduct(t.tenantId, t.ownerId, { name: "Agua", price: "200" });
  p.caja = await seedProduct(t.tenantId, t.ownerId, { name: "Agua caja x6", price: "1100", stock: [{ warehouseId: w, quantity: "2", unitCost: "600" }] });
  await makePack(t.tenantId, p.caja, p.agua, "6");
  p.envio = await seedProduct(t.tenantId, t.ownerId, { name: "Envío", price: "500", isService: true });
  today = (await as((tx) => businessClock(tx))).today;

  // S1: Café 2 × 1500 − 100 = 2900; Medialuna 3 × 350 = 1050; subtotal 3950, ticket discount 95
  // → total 3855. Debit 2000 + cash 2000 (change 145 → cash applied 1855). Cost 600 + 650 + 300.
  await sell(
    saleInput(registerId, sessionId, [
      { productId: p.cafe, quantity: "2", unitPrice: "1500", discount: "100" },
      { productId: p.medialuna, quantity: "3", unitPrice: "350" },
    ], [{ method: "DEBIT", amount: "2000" }, { method: "CASH", amount: "2000" }], { discount: "95" }),
  );
  // S2: Café 1 × 1500 cash, cost 650; voided below.
  const s2 = saleInput(registerId, sessionId, [{ productId: p.cafe, quantity: "1", unitPrice: "1500" }], [{ method: "CASH", amount: "1500" }]);
  await sell(s2);
  await as((tx) => voidSale(tx, { saleId: s2.id, reason: "Cliente desistió", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: cashier.userId, ip: "127.0.0.1" }));
  // S3 (offline, rung now): Agua 2 × 200 (one caja unpacked: 6 × 100) + Envío 500 (service),
  // transfer 900. Cost 200.
  await sell(
    saleInput(registerId, sessionId, [
      { productId: p.agua, quantity: "2", unitPrice: "200" },
      { productId: p.envio, quantity: "1", unitPrice: "500" },
    ], [{ method: "TRANSFER", amount: "900" }]),
    "offline",
  );
  // S4 (fiscal register): Medialuna 4 × 350 = 1400 credit, cost 400.
  await admin`update registers set fiscal_enabled = true where id = ${registerId}`;
  await sell(saleInput(registerId, sessionId, [{ productId: p.medialuna, quantity: "4", unitPrice: "350" }], [{ method: "CREDIT", amount: "1400" }]));
  // S5 (fiscal, voided): Medialuna 1 × 350 cash, cost 100 → invoice then credit note.
  const s5 = saleInput(registerId, sessionId, [{ productId: p.medialuna, quantity: "1", unitPrice: "350" }], [{ method: "CASH", amount: "350" }]);
  await sell(s5);
  await as((tx) => voidSale(tx, { saleId: s5.id, reason: "Error de carga", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: cashier.userId, ip: "127.0.0.1" }));
  await admin`update registers set fiscal_enabled = false where id = ${registerId}`;
  // The fiscal worker issues them (stand-in: mark the requested documents ISSUED).
  await admin`update fiscal_documents set status = 'ISSUED', issued_at = now() where tenant_id = ${t.tenantId}`;
  // S6 (offline, synced late): rung 2026-03-10 02:30 UTC = 2026-03-09 23:30 in Buenos Aires.
  // The sync door accepts an offline sale only inside its session: this shift started before it.
  await admin`update cash_sessions set opened_at = '2026-03-10T00:00:00Z' where id = ${sessionId}`;
  await sell(
    saleInput(registerId, sessionId, [{ productId: p.medialuna, quantity: "1", unitPrice: "350" }], [{ method: "CASH", amount: "350" }], {
      createdAt: "2026-03-10T02:30:00.000Z",
    }),
    "offline",
  );
});

describe("rollups reconcile to the cent", () => {
  it("today's summary: gross − discounts − voids = net, margin = net − COGS of the lots consumed", async () => {
    const s = await as((tx) => getSalesSummary(tx, { from: today, to: today }));
    // gross: 3000 + 1050 + 1500 + 400 + 500 + 1400 + 350 = 8200; discounts 100 + 95 = 195;
    // voids: S2 1500 + S5 350 = 1850; net = 8200 − 195 − 1850 = 6155 (= 3855 + 900 + 1400).
    // cost: 1250 + 300 + 650 + 200 + 400 + 100 − 650 − 100 = 2150; margin 4005 (65,07 %).
    expect(s).toEqual({
      gross: "8200.00",
      discount: "195.00",
      voids: "1850.00",
      net: "6155.00",
      tax: expect.any(String),
      cost: "2150.00",
      margin: "4005.00",
      marginPct: "65.07",
      tickets: 5,
      voidedTickets: 2,
      offlineTickets: 1,
      averageTicket: "2051.67",
    });
  });

  it("net sales equal Σ sale totals − Σ voided totals read from the raw sales", async () => {
    const [raw] = await admin<{ net: string }[]>`
      select (sum(total) - coalesce(sum(total) filter (where status = 'VOIDED'), 0))::text as net
      from sales where tenant_id = ${t.tenantId} and (created_at at time zone 'America/Argentina/Buenos_Aires')::date = ${today}::date`;
    const s = await as((tx) => getSalesSummary(tx, { from: today, to: today }));
    expect(s.net).toBe(raw!.net);
  });

  it("products: the ticket discount is spread with cumulative rounding and Σ products = net", async () => {
    const r = await as((tx) => getSalesBreakdown(tx, { from: today, to: today, by: "product", orderBy: "net" }));
    const byName = Object.fromEntries(r.rows.map((x) => [x.label, x]));
    // Café line share of 95: round(95 × 2900 / 3950) = 69,75; Medialuna gets 25,25.
    expect(byName["Café"]).toMatchObject({ quantity: "2.000", gross: "4500.00", discount: "169.75", voids: "1500.00", net: "2830.25", cost: "1250.00", margin: "1580.25" });
    expect(byName["Medialuna"]).toMatchObject({ quantity: "7.000", gross: "2800.00", discount: "25.25", voids: "350.00", net: "2424.75", cost: "700.00" });
    expect(byName["Agua"]).toMatchObject({ quantity: "2.000", net: "400.00", cost: "200.00" });
    expect(byName["Envío"]).toMatchObject({ quantity: "1.000", net: "500.00", cost: "0.00" });
    expect(r.totals).toMatchObject({ net: "6155.00", cost: "2150.00", margin: "4005.00" });
    const cat = await as((tx) => getSalesBreakdown(tx, { from: today, to: today, by: "category" }));
    expect(cat.totals.net).toBe("6155.00");
  });

  it("by payment method equals what the cash session holds per method (SALE + VOID movements)", async () => {
    const r = await as((tx) => getSalesBreakdown(tx, { from: today, to: today, by: "method" }));
    // CASH 1855 + 1500 − 1500 + 350 − 350 = 1855; DEBIT 2000; CREDIT 1400; TRANSFER 900.
    expect(Object.fromEntries(r.rows.map((x) => [x.key, x.net]))).toEqual({ CASH: "1855.00", DEBIT: "2000.00", CREDIT: "1400.00", TRANSFER: "900.00" });
    const cash = await admin<{ method: string; total: string }[]>`
      select method::text, sum(amount)::text as total from cash_movements m join sales s on s.tenant_id = m.tenant_id and s.id = m.sale_id
      where m.tenant_id = ${t.tenantId} and m.type in ('SALE', 'VOID') and (s.created_at at time zone 'America/Argentina/Buenos_Aires')::date = ${today}::date
      group by method`;
    expect(Object.fromEntries(cash.map((c) => [c.method, c.total]))).toEqual(Object.fromEntries(r.rows.map((x) => [x.key, x.net])));
    expect(r.totals.net).toBe("6155.00");
  });

  it("by register, cashier, day and hour add up to the same net", async () => {
    for (const by of ["register", "cashier", "day", "hour"] as const) {
      const r = await as((tx) => getSalesBreakdown(tx, { from: today, to: today, by }));
      expect(r.totals.net, by).toBe("6155.00");
      expect(r.totals.tickets, by).toBe(3);
    }
  });

  it("the late offline sale counts on its local day and hour (Buenos Aires), not UTC", async () => {
    const day = await as((tx) => getSalesBreakdown(tx, { from: "2026-03-09", to: "2026-03-10", by: "day" }));
    expect(day.rows.map((x) => [x.key, x.net])).toEqual([["2026-03-09", "350.00"], ["2026-03-10", "0.00"]]);
    const hour = await as((tx) => getSalesBreakdown(tx, { from: "2026-03-09", to: "2026-03-09", by: "hour" }));
    expect(hour.rows.find((h) => h.net !== "0.00")).toMatchObject({ key: "23", net: "350.00", tickets: 1 });
  });

  it("fiscal totals = issued invoices − credit notes = net sales of the fiscal register", async () => {
    const f = await as((tx) => getFiscalSummary(tx, { from: today, to: today }));
    // Invoices S4 1400 + S5 350; credit note S5 350 → 1400.
    expect(f).toMatchObject({ invoices: "1750.00", creditNotes: "350.00", net: "1400.00", pending: 0, rejected: 0 });
  });

  it("valuation: FIFO = Σ lots × cost", async () => {
    const rows = await as((tx) => valuateStock(tx, { groupBy: "product" }));
    const [lots] = await admin<{ v: string }[]>`select round(sum(quantity * unit_cost), 2)::text as v from lots where tenant_id = ${t.tenantId}`;
    expect(sum(rows.map((r) => r.fifo)).toFixed(2)).toBe(lots!.v);
  });

  it("rebuilding from the sales gives exactly what the triggers kept", async () => {
    const snapshot = () =>
      admin`select t.*, (select json_agg(x order by x.day, x.product_id) from report_daily_sales x where x.tenant_id = ${t.tenantId}) s,
                   (select json_agg(x order by x.day, x.hour) from report_daily_tickets x where x.tenant_id = ${t.tenantId}) k,
                   (select json_agg(x order by x.day, x.method) from report_daily_payments x where x.tenant_id = ${t.tenantId}) p
            from (select 1) t`;
    const before = await snapshot();
    await as((tx) => tx.execute(sql`select reports_rebuild()`));
    expect(await snapshot()).toEqual(before);
    expect((before[0] as { s: unknown[] }).s.length).toBeGreaterThan(0);
  });
});
