import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql } from "../../test/factories";
import { makeSyncShop, type SyncShop } from "../../test/sync";
import { withTenant } from "../db/with-tenant";
import { createSale } from "../pos/create-sale";
import { syncSalesBatch } from "./sync-sales-batch";
import { callerFor } from "../../test/caller";

// Issue 11: the offline sync door accepts only what an offline terminal could really have done.
const admin = adminSql();
afterAll(() => admin.end());

let t: SyncShop;
let other: Awaited<ReturnType<typeof addMember>>;
let supervisor: Awaited<ReturnType<typeof addMember>>;
let yerba: string;

const syncAs = (who: { userId: string }, sales: unknown[], canReview = false) =>
  syncSalesBatch((fn) => withTenant(t.tenantId, fn, { userId: who.userId }), sales, { userId: who.userId, canReview }, { log: () => {} });

beforeAll(async () => {
  t = await makeSyncShop("Almacén", "0");
  other = await addMember(t.tenantId, "CASHIER");
  supervisor = await addMember(t.tenantId, "SUPERVISOR");
  yerba = await t.product("Yerba", "2000.00", "50", "900");
});

const line = (price: string, productId = yerba) => [{ productId, quantity: "1", unitPrice: price }];
const cash = (amount: string) => [{ method: "CASH" as const, amount }];

describe("offline sync door", () => {
  it("accepts a price-tampered sale but flags it as a price conflict for the supervisor", async () => {
    const honest = t.sale(line("2000.00"), cash("2000.00"));
    const tampered = t.sale(line("1.00"), cash("1.00"));
    const r = await syncAs(t.cashier, [honest, tampered]);
    expect(r.map((x) => x.status)).toEqual(["ACCEPTED", "ACCEPTED_WITH_CONFLICT"]);
    expect(r[1]).toMatchObject({ catalogConflict: true });
    const list = await callerFor(supervisor.userId, t.slug).pos.catalogConflicts({ status: "OPEN" });
    expect(list.filter((c) => c.productName === "Yerba")).toEqual([
      expect.objectContaining({ kind: "PRICE", chargedPrice: "1.0000", catalogPrice: "2000.00", cashierName: "CASHIER", status: "OPEN" }),
    ]);
    // A replay answers DUPLICATE and still says it was flagged.
    expect((await syncAs(t.cashier, [tampered]))[0]).toMatchObject({ status: "DUPLICATE", catalogConflict: true });
    // Cashiers do not see the review page.
    await expect(callerFor(t.cashier.userId, t.slug).pos.catalogConflicts({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("flags a product that was already inactive at the sale's time", async () => {
    const gone = await t.product("Galletitas", "800.00", "5", "300");
    await admin`update products set active = false where id = ${gone}`;
    const later = t.sale(line("800.00", gone), cash("800.00"), { createdAt: new Date(Date.now() + 1000).toISOString() });
    const r = await syncAs(t.cashier, [later]);
    expect(r[0]).toMatchObject({ status: "ACCEPTED_WITH_CONFLICT", catalogConflict: true });
    const rows = await admin`select kind from catalog_conflicts where sale_id = ${later.id}`;
    expect(rows.map((x) => x.kind)).toEqual(["INACTIVE"]);
  });

  it("refuses a sale into another cashier's session, unless the caller reviews cash", async () => {
    const intoOthers = t.sale(line("2000.00"), cash("2000.00"));
    const r = await syncAs(other, [intoOthers]);
    expect(r[0]).toMatchObject({ status: "REFUSED", code: "FORBIDDEN" });
    expect(await admin`select 1 from sales where id = ${intoOthers.id}`).toHaveLength(0);
    expect((await syncAs(supervisor, [intoOthers], true))[0]!.status).toBe("ACCEPTED");
  });

  it("refuses a sale whose time is outside its session", async () => {
    const before = t.sale(line("2000.00"), cash("2000.00"), { createdAt: new Date(Date.now() - 3 * 3600_000).toISOString() });
    const future = t.sale(line("2000.00"), cash("2000.00"), { createdAt: new Date(Date.now() + 3 * 3600_000).toISOString() });
    const r = await syncAs(t.cashier, [before, future]);
    expect(r.map((x) => [x.status, x.code])).toEqual([
      ["REFUSED", "VALIDATION"],
      ["REFUSED", "VALIDATION"],
    ]);
  });

  it("online sales take the server's time, never the client's", async () => {
    const old = t.sale(line("2000.00"), cash("2000.00"), { createdAt: "2020-01-01T10:00:00Z" });
    await t.run((tx) => createSale(tx, old, { userId: t.cashier.userId }, { mode: "online" }));
    const [row] = await admin<{ age: number }[]>`select extract(epoch from now() - created_at)::float8 as age from sales where id = ${old.id}`;
    expect(Math.abs(row!.age)).toBeLessThan(60);
  });
});
