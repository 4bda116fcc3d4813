import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { openSession, saleInput, seedProduct } from "../pos/test-helpers";
import { createSale } from "../pos/create-sale";
import { syncSalesBatch } from "./sync-sales-batch";
import { callerFor } from "../../test/caller";

// Issue 11: the offline sync door accepts only what an offline terminal could really have done.
const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: Awaited<ReturnType<typeof addMember>>;
let other: Awaited<ReturnType<typeof addMember>>;
let supervisor: Awaited<ReturnType<typeof addMember>>;
let registerId: string;
let sessionId: string;
let yerba: string;

const syncAs = (who: { userId: string }, sales: unknown[], canReview = false) =>
  syncSalesBatch((fn) => withTenant(t.tenantId, fn, { userId: who.userId }), sales, { userId: who.userId, canReview }, { log: () => {} });

beforeAll(async () => {
  t = await makeTenant("Almacén");
  cashier = await addMember(t.tenantId, "CASHIER");
  other = await addMember(t.tenantId, "CASHIER");
  supervisor = await addMember(t.tenantId, "SUPERVISOR");
  registerId = (await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`)[0]!.id;
  sessionId = (await openSession(t.tenantId, cashier.userId, registerId, "0")).id;
  yerba = await seedProduct(t.tenantId, t.ownerId, { name: "Yerba", price: "2000.00", stock: [{ warehouseId: t.warehouseId, quantity: "50", unitCost: "900" }] });
});

const line = (price: string, productId = yerba) => [{ productId, quantity: "1", unitPrice: price }];
const cash = (amount: string) => [{ method: "CASH" as const, amount }];

describe("offline sync door", () => {
  it("accepts a price-tampered sale but flags it as a price conflict for the supervisor", async () => {
    const honest = saleInput(registerId, sessionId, line("2000.00"), cash("2000.00"));
    const tampered = saleInput(registerId, sessionId, line("1.00"), cash("1.00"));
    const r = await syncAs(cashier, [honest, tampered]);
    expect(r.map((x) => x.status)).toEqual(["ACCEPTED", "ACCEPTED_WITH_CONFLICT"]);
    expect(r[1]).toMatchObject({ catalogConflict: true });
    const list = await callerFor(supervisor.userId, t.slug).pos.catalogConflicts({ status: "OPEN" });
    expect(list.filter((c) => c.productName === "Yerba")).toEqual([
      expect.objectContaining({ kind: "PRICE", chargedPrice: "1.0000", catalogPrice: "2000.00", cashierName: "CASHIER", status: "OPEN" }),
    ]);
    // A replay answers DUPLICATE and still says it was flagged.
    expect((await syncAs(cashier, [tampered]))[0]).toMatchObject({ status: "DUPLICATE", catalogConflict: true });
    // Cashiers do not see the review page.
    await expect(callerFor(cashier.userId, t.slug).pos.catalogConflicts({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("flags a product that was already inactive at the sale's time", async () => {
    const gone = await seedProduct(t.tenantId, t.ownerId, { name: "Galletitas", price: "800.00", stock: [{ warehouseId: t.warehouseId, quantity: "5", unitCost: "300" }] });
    await admin`update products set active = false where id = ${gone}`;
    const later = saleInput(registerId, sessionId, line("800.00", gone), cash("800.00"), { createdAt: new Date(Date.now() + 1000).toISOString() });
    const r = await syncAs(cashier, [later]);
    expect(r[0]).toMatchObject({ status: "ACCEPTED_WITH_CONFLICT", catalogConflict: true });
    const rows = await admin`select kind from catalog_conflicts where sale_id = ${later.id}`;
    expect(rows.map((x) => x.kind)).toEqual(["INACTIVE"]);
  });

  it("refuses a sale into another cashier's session, unless the caller reviews cash", async () => {
    const intoOthers = saleInput(registerId, sessionId, line("2000.00"), cash("2000.00"));
    const r = await syncAs(other, [intoOthers]);
    expect(r[0]).toMatchObject({ status: "REFUSED", code: "FORBIDDEN" });
    expect(await admin`select 1 from sales where id = ${intoOthers.id}`).toHaveLength(0);
    expect((await syncAs(supervisor, [intoOthers], true))[0]!.status).toBe("ACCEPTED");
  });

  it("refuses a sale whose time is outside its session", async () => {
    const before = saleInput(registerId, sessionId, line("2000.00"), cash("2000.00"), { createdAt: new Date(Date.now() - 3 * 3600_000).toISOString() });
    const future = saleInput(registerId, sessionId, line("2000.00"), cash("2000.00"), { createdAt: new Date(Date.now() + 3 * 3600_000).toISOString() });
    const r = await syncAs(cashier, [before, future]);
    expect(r.map((x) => [x.status, x.code])).toEqual([
      ["REFUSED", "VALIDATION"],
      ["REFUSED", "VALIDATION"],
    ]);
  });

  it("online sales take the server's time, never the client's", async () => {
    const old = saleInput(registerId, sessionId, line("2000.00"), cash("2000.00"), { createdAt: "2020-01-01T10:00:00Z" });
    await withTenant(t.tenantId, (tx) => createSale(tx, old, { userId: cashier.userId }, { mode: "online" }), { userId: cashier.userId });
    const [row] = await admin<{ age: number }[]>`select extract(epoch from now() - created_at)::float8 as age from sales where id = ${old.id}`;
    expect(Math.abs(row!.age)).toBeLessThan(60);
  });
});
