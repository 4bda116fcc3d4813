import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { createSale } from "./create-sale";
import { voidSale } from "./void-sale";
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

describe("voidSale", () => {
  it("needs a supervisor's valid credentials", async () => {
    const saleId = await ring();
    const base = { saleId, reason: "Error de carga" };
    await expect(
      asCashier((tx) => voidSale(tx, { ...base, supervisorEmail: supervisor.email, supervisorPassword: "wrong-password" }, { userId: cashier.userId })),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Usuario o contraseña de supervisor incorrectos." });
    await expect(
      asCashier((tx) => voidSale(tx, { ...base, supervisorEmail: "nadie@test.local", supervisorPassword: "password123" }, { userId: cashier.userId })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A cashier's own (valid) credentials do not authorise a void.
    await expect(
      asCashier((tx) => voidSale(tx, { ...base, supervisorEmail: cashier.email, supervisorPassword: cashier.password }, { userId: cashier.userId })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A supervisor of ANOTHER business is nobody here.
    const other = await makeTenant("Otro");
    const foreignSup = await addMember(other.tenantId, "SUPERVISOR");
    await expect(
      asCashier((tx) => voidSale(tx, { ...base, supervisorEmail: foreignSup.email, supervisorPassword: foreignSup.password }, { userId: cashier.userId })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [s] = await admin`select status from sales where id = ${saleId}`;
    expect(s!.status).toBe("COMPLETED");
  });

  it("returns stock to the lots consumed, adds inverse VOID movements and refuses a second void", async () => {
    const before = await stockOf(product);
    const saleId = await ring("2");
    expect(await stockOf(product)).not.toBe(before);
    const r = await asCashier((tx) =>
      voidSale(tx, { saleId, reason: "Cliente desistió", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: cashier.userId }),
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
        voidSale(tx, { saleId, reason: "otra vez", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: cashier.userId }),
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
      voidSale(tx, { saleId, reason: "Devolución", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: cashier.userId }),
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
