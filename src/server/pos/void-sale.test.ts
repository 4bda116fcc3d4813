import { nextIp } from "../../test/ip";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { createSale } from "./create-sale";
import { voidSale } from "./void-sale";
import { AUTHORIZATION_REFUSED } from "./verify-supervisor";
import { openSession, saleInput, seedProduct } from "./test-helpers";
import { closeCashSession } from "../cash/close-cash-session";

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: Awaited<ReturnType<typeof addMember>>;
let supervisor: Awaited<ReturnType<typeof addMember>>;
let registerId: string;
let sessionId: string;
let product: string;

const stockOf = async (productId: string) =>
  (await admin<{ q: string }[]>`select coalesce(sum(quantity), 0)::text as q from lots where tenant_id = ${t.tenantId} and product_id = ${productId}`)[0]!.q;
const asCashier = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn, { userId: cashier.userId });

async function ring(qty = "2") {
  const input = saleInput(registerId, sessionId, [{ productId: product, quantity: qty, unitPrice: "1500" }], [
    { method: "CREDIT", amount: "1000" },
    { method: "CASH", amount: "5000" },
  ]);
  await asCashier((tx) => createSale(tx, input, { userId: cashier.userId }, { mode: "online" }));
  return input.id;
}

beforeAll(async () => {
  t = await makeTenant("Despensa");
  cashier = await addMember(t.tenantId, "CASHIER");
  supervisor = await addMember(t.tenantId, "SUPERVISOR");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
  sessionId = (await openSession(t.tenantId, cashier.userId, registerId, "0")).id;
  product = await seedProduct(t.tenantId, t.ownerId, {
    name: "Café",
    price: "1500",
    stock: [
      { warehouseId: t.warehouseId, quantity: "1", unitCost: "600" },
      { warehouseId: t.warehouseId, quantity: "9", unitCost: "650" },
    ],
  });
});

// Each test starts with no throttled keys (failures of one test must not delay the next).
beforeEach(async () => {
  await admin`delete from login_attempts`;
});

describe("voidSale authorisation (issue 11)", () => {
  const attempt = (saleId: string, email: string, password: string, by = cashier.userId, ip = nextIp()) =>
    withTenant(t.tenantId, (tx) => voidSale(tx, { saleId, reason: "Prueba", supervisorEmail: email, supervisorPassword: password }, { userId: by, ip }), {
      userId: by,
    });

  it("refuses a cashier who owns ANOTHER business authorising their own void, with the same answer as a wrong password", async () => {
    // The cashier here is the OWNER of a second business: their role there authorises nothing here.
    const dual = await addMember(t.tenantId, "CASHIER");
    const second = await makeTenant("Kiosco propio");
    await admin`insert into memberships (tenant_id, user_id, role) values (${second.tenantId}, ${dual.userId}, 'OWNER')`;
    const input = saleInput(registerId, sessionId, [{ productId: product, quantity: "1", unitPrice: "1500" }], [{ method: "CASH", amount: "1500" }]);
    await withTenant(t.tenantId, (tx) => createSale(tx, input, { userId: dual.userId, canReview: true }, { mode: "online" }), { userId: dual.userId });
    const self = attempt(input.id, dual.email, dual.password, dual.userId);
    await expect(self).rejects.toMatchObject({ code: "FORBIDDEN", message: AUTHORIZATION_REFUSED });
    const wrong = attempt(input.id, supervisor.email, "not-the-password", dual.userId);
    await expect(wrong).rejects.toMatchObject({ code: "FORBIDDEN", message: AUTHORIZATION_REFUSED });
    const unknown = attempt(input.id, "nadie-aca@test.local", "whatever123", dual.userId);
    await expect(unknown).rejects.toMatchObject({ code: "FORBIDDEN", message: AUTHORIZATION_REFUSED });
    const events = await admin`select granted, authorizer_id from authorization_events where tenant_id = ${t.tenantId} and subject_id = ${input.id} order by created_at`;
    expect(events.map((e) => e.granted)).toEqual([false, false, false]);
    expect(events[0]!.authorizer_id).toBe(dual.userId);
    expect((await admin`select status from sales where id = ${input.id}`)[0]!.status).toBe("COMPLETED");
    // A supervisor of this business can.
    expect((await attempt(input.id, supervisor.email, supervisor.password, dual.userId)).sale.status).toBe("VOIDED");
  });

  it("refuses the supervisor who rang the sale or asks for the void, and records the one granted", async () => {
    const input = saleInput(registerId, sessionId, [{ productId: product, quantity: "1", unitPrice: "1500" }], [{ method: "CASH", amount: "1500" }]);
    await withTenant(t.tenantId, (tx) => createSale(tx, input, { userId: supervisor.userId, canReview: true }, { mode: "online" }), {
      userId: supervisor.userId,
    });
    // Rang by the supervisor: they cannot authorise it, whoever asks.
    await expect(attempt(input.id, supervisor.email, supervisor.password)).rejects.toMatchObject({ code: "FORBIDDEN", message: AUTHORIZATION_REFUSED });
    const other = await addMember(t.tenantId, "SUPERVISOR");
    // Asked by a supervisor: not with their own key.
    await expect(attempt(input.id, other.email, other.password, other.userId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const ok = await attempt(input.id, other.email, other.password);
    expect(ok.supervisor.id).toBe(other.userId);
    const [granted] = await admin`select requested_by, authorizer_id from authorization_events where subject_id = ${input.id} and granted`;
    expect(granted).toMatchObject({ requested_by: cashier.userId, authorizer_id: other.userId });
  });

  it("says NOT_FOUND for an unknown sale before looking at any credentials (no throttle, no record)", async () => {
    const ip = nextIp();
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(attempt(missing, supervisor.email, "wrong-wrong", cashier.userId, ip)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await admin`select count(*)::int as n from login_attempts where key = ${"ip:" + ip}`)[0]!.n).toBe(0);
  });

  it("goes through the sign-in throttle: after repeated failures even the right key waits", async () => {
    const saleId = await ring("1");
    const ip = nextIp();
    for (let i = 0; i < 3; i++) await expect(attempt(saleId, supervisor.email, "wrong-" + i, cashier.userId, ip)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(attempt(saleId, supervisor.email, supervisor.password, cashier.userId, ip)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // The wait is a delay, not a lock-out: once it has passed, the right key works.
    await admin`update login_attempts set locked_until = now() - interval '1 second' where key in (${"ip:" + ip}, ${"email:" + supervisor.email})`;
    expect((await attempt(saleId, supervisor.email, supervisor.password, cashier.userId, ip)).sale.status).toBe("VOIDED");
  });
});

describe("voidSale", () => {
  it("needs a supervisor's valid credentials", async () => {
    const saleId = await ring();
    const base = { saleId, reason: "Error de carga" };
    await expect(
      asCashier((tx) => voidSale(tx, { ...base, supervisorEmail: supervisor.email, supervisorPassword: "wrong-password" }, { userId: cashier.userId, ip: nextIp() })),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: AUTHORIZATION_REFUSED });
    await expect(
      asCashier((tx) => voidSale(tx, { ...base, supervisorEmail: "nadie@test.local", supervisorPassword: "password123" }, { userId: cashier.userId, ip: nextIp() })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A cashier's own (valid) credentials do not authorise a void.
    await expect(
      asCashier((tx) => voidSale(tx, { ...base, supervisorEmail: cashier.email, supervisorPassword: cashier.password }, { userId: cashier.userId, ip: nextIp() })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A supervisor of ANOTHER business is nobody here.
    const other = await makeTenant("Otro");
    const foreignSup = await addMember(other.tenantId, "SUPERVISOR");
    await expect(
      asCashier((tx) => voidSale(tx, { ...base, supervisorEmail: foreignSup.email, supervisorPassword: foreignSup.password }, { userId: cashier.userId, ip: nextIp() })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [s] = await admin`select status from sales where id = ${saleId}`;
    expect(s!.status).toBe("COMPLETED");
  });

  it("returns stock to the lots consumed, adds inverse VOID movements and refuses a second void", async () => {
    const before = await stockOf(product);
    const saleId = await ring("2");
    expect(await stockOf(product)).not.toBe(before);
    const r = await asCashier((tx) =>
      voidSale(tx, { saleId, reason: "Cliente desistió", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: cashier.userId, ip: nextIp() }),
    );
    expect(r.sale.status).toBe("VOIDED");
    expect(r.sale.voidAuthorizedBy).toBe(supervisor.userId);
    expect(r.sale.fiscalStatus).toBe("NOT_REQUIRED");
    expect(await stockOf(product)).toBe(before);
    const ret = await admin<{ n: number }[]>`
      select count(*)::int as n from stock_movements where tenant_id = ${t.tenantId} and type = 'RETURN' and source_id = ${saleId}`;
    expect(ret[0]!.n).toBeGreaterThanOrEqual(1);
    const net = await admin<{ method: string; total: string }[]>`
      select method, sum(amount)::text as total from cash_movements where sale_id = ${saleId} group by method order by method::text`;
    expect(net).toEqual([
      { method: "CASH", total: "0.00" },
      { method: "CREDIT", total: "0.00" },
    ]);
    const voids = await admin`select amount from cash_movements where sale_id = ${saleId} and type = 'VOID' order by method::text`;
    expect(voids.map((v) => v.amount)).toEqual(["-2000.00", "-1000.00"]);
    await expect(
      asCashier((tx) =>
        voidSale(tx, { saleId, reason: "otra vez", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: cashier.userId, ip: nextIp() }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("marks a credit note pending when the sale had a fiscal document, and the closing ignores the voided money", async () => {
    await admin`update registers set fiscal_enabled = true where id = ${registerId}`;
    const saleId = await ring("1");
    const [sale] = await admin`select fiscal_status, fiscal_document_id from sales where id = ${saleId}`;
    expect(sale!.fiscal_status).toBe("PENDING");
    // The fiscal area's PENDING invoice was requested inside the sale's transaction.
    const [invoice] = await admin`select id, kind, status, total from fiscal_documents where sale_id = ${saleId}`;
    expect(invoice).toMatchObject({ id: sale!.fiscal_document_id, kind: "INVOICE", status: "PENDING", total: "1500.00" });
    const r = await asCashier((tx) =>
      voidSale(tx, { saleId, reason: "Devolución", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: cashier.userId, ip: nextIp() }),
    );
    expect(r.sale.fiscalStatus).toBe("CREDIT_NOTE_PENDING");
    const [note] = await admin`select id, kind, original_document_id from fiscal_documents where sale_id = ${saleId} and kind = 'CREDIT_NOTE'`;
    expect(note).toMatchObject({ id: r.creditNoteDocumentId, original_document_id: invoice!.id });
    await admin`update registers set fiscal_enabled = false where id = ${registerId}`;

    // Every sale in this session was voided except the first one (2 × 1500 = 3000: 1000 credit + 2000 cash).
    const closing = await asCashier((tx) =>
      closeCashSession(
        tx,
        { cashSessionId: sessionId, declared: [{ method: "CASH", amount: "2000.00" }, { method: "CREDIT", amount: "1000.00" }] },
        { userId: cashier.userId },
      ),
    );
    expect(closing.closing).toMatchObject({ expectedTotal: "3000.00", deviation: "0.00", deviationClass: "NORMAL" });
  });
});
