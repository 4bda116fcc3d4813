import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { addMember, adminSql } from "@/test/factories";
import { makeFiscalTenant, randomCuit } from "@/test/fiscal";
import { billingPointOfSale } from "@/test/billing";
import { nextIp } from "@/test/ip";
import { withTenant } from "../db/with-tenant";
import { createTestCa } from "../afip/fake/certs";
import { startFakeAfip, type FakeAfip } from "../afip/fake/server";
import { createSale } from "../pos/create-sale";
import { openSession, saleInput, seedProduct } from "../pos/test-helpers";
import { createCustomer } from "../customers/save-customer";
import { listCustomers } from "../customers/list-customers";
import { isAppError } from "../errors/app-error";
import type { TSaleInput } from "@/lib/schemas/sale";
import { openFolio } from "./open-folio";
import { addFolioCharge } from "./add-folio-charge";
import { checkoutFolio } from "./checkout-folio";
import { listPending } from "./list-pending";
import { getFolio, listFolios } from "./list-folios";
import { cancelPending } from "./cancel-pending";
import { createBatch } from "./create-batch";
import { runBatchRound } from "./run-batch-round";
import { finishBatch } from "./finish-batch";
import { recordCollection } from "./record-collection";
import { customerStatement } from "./customer-statement";
import { scanOverdueReceivables } from "./scan-overdue-receivables";
import { addAccountCharge } from "./add-account-charge";
import { authorizeCreditOverride, verifyCreditOverride } from "./credit-override";
import { Decimal } from "@/lib/decimal";

const ca = createTestCa();
let fake: FakeAfip;
const admin = adminSql();
let t: Awaited<ReturnType<typeof makeFiscalTenant>>;
let cashier: { userId: string };
let supervisor: { userId: string; email: string; password: string };
let registerId: string;
let sessionId: string;
let minibar: string;
let menu: string;

beforeAll(async () => {
  fake = await startFakeAfip({ ca });
  process.env.FAKE_AFIP_URL = fake.url;
  process.env.AFIP_TIMEOUT_MS = "10000";
  t = await makeFiscalTenant(ca);
  await billingPointOfSale(t.tenantId, 5);
  cashier = await addMember(t.tenantId, "CASHIER");
  supervisor = await addMember(t.tenantId, "SUPERVISOR");
  const [r] = await admin<{ id: string }[]>`update registers set fiscal_enabled = true, afip_point_of_sale = 4 where tenant_id = ${t.tenantId} returning id`;
  registerId = r!.id;
  sessionId = (await openSession(t.tenantId, cashier.userId, registerId, "0.00")).id;
  minibar = await seedProduct(t.tenantId, t.ownerId, { name: "Agua minibar", price: "1500.00", stock: [{ warehouseId: t.warehouseId, quantity: "100", unitCost: "500" }] });
  menu = await seedProduct(t.tenantId, t.ownerId, { name: "Cena restaurante", price: "12000.00", isService: true });
});
afterAll(async () => {
  await admin.end();
  await fake.close();
});

const tx = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn, { userId: t.ownerId });
const sell = (input: TSaleInput) => withTenant(t.tenantId, (x) => createSale(x, input, { userId: cashier.userId, ip: nextIp() }, { mode: "online" }), { userId: cashier.userId });
const stock = async () => (await admin<{ q: string }[]>`select coalesce(sum(quantity), 0)::text as q from lots where product_id = ${minibar}`)[0]!.q;
const today = () => new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 10);

async function company(limit: string, terms = 30) {
  return (
    await tx((x) =>
      createCustomer(x, { docType: "CUIT", docNumber: randomCuit("30"), name: `Empresa ${randomUUID().slice(0, 4)}`, ivaCondition: "RESPONSABLE_INSCRIPTO", accountEnabled: true, creditLimit: limit, paymentTermsDays: terms }),
    )
  ).id;
}

describe("sales on account (cuenta corriente)", () => {
  it("moves stock at once, issues no document, and keeps within the credit limit unless a supervisor authorises", async () => {
    const customerId = await company("10000.00");
    const before = await stock();
    const first = await sell(saleInput(registerId, sessionId, [{ productId: minibar, quantity: "4", unitPrice: "1500.00" }], [], { charge: { kind: "ACCOUNT", customerId } }));
    expect(first).toMatchObject({ status: "CREATED", total: "6000.00", fiscalDocumentId: null });
    expect(Number(before) - Number(await stock())).toBe(4);
    const [sale] = await admin<{ fiscal_status: string; paid: string; customer_id: string }[]>`select fiscal_status, paid::text, customer_id from sales where id = ${first.saleId}`;
    expect(sale).toEqual({ fiscal_status: "NOT_REQUIRED", paid: "0.00", customer_id: customerId });

    // 6000 used of 10000: 4500 more is refused with what is available, and changes nothing.
    const over = saleInput(registerId, sessionId, [{ productId: minibar, quantity: "3", unitPrice: "1500.00" }], [], { charge: { kind: "ACCOUNT", customerId } });
    const err = await sell(over).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe("CONFLICT");
    expect((err as Error).message).toMatch(/disponible \$\s4\.000,00/);
    expect(Number(before) - Number(await stock())).toBe(4);

    // A supervisor authorises online; the sale carries only the signed grant (never credentials).
    const authorize = (who: { email: string; password: string }, amount: string, forCustomer = customerId) =>
      withTenant(t.tenantId, (x) => authorizeCreditOverride(x, { customerId: forCustomer, amount, supervisorEmail: who.email, supervisorPassword: who.password }, { userId: cashier.userId, ip: nextIp() }), {
        userId: cashier.userId,
      });
    await expect(authorize({ email: "nadie@test.local", password: "x" }, "4500")).rejects.toThrow(/supervisor incorrectos/);
    const small = await authorize(supervisor, "4000");
    const withGrant = (grant: string) => ({ ...over, charge: { kind: "ACCOUNT" as const, customerId, override: { grant } } });
    await expect(sell(withGrant(small.grant))).rejects.toThrow(/autoriza hasta \$\s4\.000,00/);
    const forged = small.grant.replace(/\.[^.]+$/, ".AAAA");
    await expect(sell(withGrant(forged))).rejects.toThrow(/no es válida/);
    const otherCustomer = await company("1.00");
    await expect(sell(withGrant((await authorize(supervisor, "4500", otherCustomer)).grant))).rejects.toThrow(/otro cliente/);
    const grant = await authorize(supervisor, "4500");
    expect(grant).toMatchObject({ amount: "4500.00" });
    const expiredAt = Date.parse(grant.expiresAt) + 1;
    await expect(withTenant(t.tenantId, (x) => verifyCreditOverride(x, grant.grant, { customerId, total: new Decimal("4500") }, expiredAt))).rejects.toThrow(/venció/);
    expect(Number(before) - Number(await stock())).toBe(4);
    const ok = await sell(withGrant(grant.grant));
    expect(ok.status).toBe("CREATED");
    const [authorizedBy] = await admin<{ authorized_by: string }[]>`select authorized_by from billing_charges where sale_id = ${over.id}`;
    expect(authorizedBy!.authorized_by).toBe(supervisor.userId);
    const [row] = await tx((x) => listCustomers(x, { search: "" })).then((rows) => rows.filter((c) => c.id === customerId));
    expect(row).toMatchObject({ uninvoiced: "10500.00", balance: "0.00" });
  });

  it("two sales on account at once cannot both pass the limit (customer row lock)", async () => {
    const customerId = await company("10000.00");
    const one = () => sell(saleInput(registerId, sessionId, [{ productId: minibar, quantity: "4", unitPrice: "1500.00" }], [], { charge: { kind: "ACCOUNT", customerId } })).then(() => "ok", (e: Error) => e.message);
    const results = await Promise.all([one(), one()]);
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.find((r) => r !== "ok")).toContain("límite de crédito");
  });

  it("refuses a customer without an account and a sale that is both charged and paid", async () => {
    const noAccount = (await tx((x) => createCustomer(x, { docType: "DNI", docNumber: "30111222", name: "Sin cuenta", ivaCondition: "CONSUMIDOR_FINAL" }))).id;
    await expect(sell(saleInput(registerId, sessionId, [{ productId: minibar, quantity: "1", unitPrice: "1500.00" }], [], { charge: { kind: "ACCOUNT", customerId: noAccount } }))).rejects.toThrow("no tiene cuenta corriente");
    const { ZSaleInput } = await import("@/lib/schemas/sale");
    const both = ZSaleInput.safeParse(saleInput(registerId, sessionId, [{ productId: minibar, quantity: "1", unitPrice: "1500.00" }], [{ method: "CASH", amount: "1500.00" }], { charge: { kind: "ACCOUNT", customerId: noAccount } }));
    expect(both.success).toBe(false);
    await expect(tx((x) => createCustomer(x, { docType: "CUIT", docNumber: "30-12345678-0", name: "Mal CUIT", ivaCondition: "RESPONSABLE_INSCRIPTO" }))).rejects.toThrow("dígito verificador");
  });
});

describe("hotel folios", () => {
  it("room charges from the POS and by hand; checkout to the company's account makes them pending billables", async () => {
    const customerId = await company("500000.00");
    const { folioId } = await tx((x) => openFolio(x, { roomNumber: "101", guestName: "Ana Huésped", checkIn: today(), checkOut: today(), customerId }, { userId: t.ownerId }));
    await expect(tx((x) => openFolio(x, { roomNumber: "101", guestName: "Otro", checkIn: today(), checkOut: today() }, { userId: t.ownerId }))).rejects.toThrow("ya tiene un folio abierto");
    await sell(saleInput(registerId, sessionId, [{ productId: minibar, quantity: "2", unitPrice: "1500.00" }], [], { charge: { kind: "ROOM", folioId } }));
    await sell(saleInput(registerId, sessionId, [{ productId: menu, quantity: "1", unitPrice: "12000.00" }], [], { charge: { kind: "ROOM", folioId } }));
    await tx((x) => addFolioCharge(x, { folioId, lines: [{ description: "Noche habitación doble", quantity: "2", unitPrice: "45000.00", ivaRate: "21" }] }, { userId: t.ownerId }));
    expect((await tx((x) => listPending(x, { customerId }))).count).toBe(0); // on the folio, not billable yet

    const { folio, charges } = await tx((x) => getFolio(x, folioId));
    expect(folio).toMatchObject({ roomNumber: "101", status: "OPEN", total: "105000.00", charges: 3 });
    expect(charges.map((c) => c.status)).toEqual(["ON_FOLIO", "ON_FOLIO", "ON_FOLIO"]);
    expect((await tx((x) => listFolios(x, { status: "OPEN" }))).map((f) => f.roomNumber)).toContain("101");
    const r = await tx((x) => checkoutFolio(x, { mode: "ACCOUNT", folioId }, { userId: t.ownerId }));
    expect(r).toMatchObject({ status: "CLOSED_ACCOUNT", total: "105000.00", fiscalDocumentId: null });
    const pending = await tx((x) => listPending(x, { customerId }));
    expect(pending.count).toBe(3);
    expect(pending.groups[0]).toMatchObject({ customerId, total: "105000.00", byRate: [{ rate: "21", total: "105000.00" }] });
    await expect(sell(saleInput(registerId, sessionId, [{ productId: minibar, quantity: "1", unitPrice: "1500.00" }], [], { charge: { kind: "ROOM", folioId } }))).rejects.toThrow("ya está cerrado");

    // Cancelling a manual pending charge needs a reason; a POS one voids its sale (stock back) with a supervisor.
    const manual = pending.groups[0]!.items.find((i) => !i.saleId)!;
    await expect(tx((x) => cancelPending(x, { chargeId: manual.id, reason: "" }, { userId: t.ownerId, ip: nextIp() }))).rejects.toThrow();
    const fromPos = pending.groups[0]!.items.find((i) => i.saleId && i.total === "3000.00")!;
    const before = await stock();
    await tx((x) =>
      cancelPending(x, { chargeId: fromPos.id, reason: "Cargo a la habitación equivocada", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: t.ownerId, ip: nextIp() }),
    );
    expect(Number(await stock()) - Number(before)).toBe(2);
    expect((await tx((x) => listPending(x, { customerId }))).groups[0]!.total).toBe("102000.00");
  });

  it("checkout paid at the desk: money into the session and one invoice requested now", async () => {
    const { folioId } = await tx((x) => openFolio(x, { roomNumber: "202", guestName: "Beto Pasajero", guestDocNumber: "28765432", checkIn: today(), checkOut: today() }, { userId: t.ownerId }));
    await sell(saleInput(registerId, sessionId, [{ productId: minibar, quantity: "1", unitPrice: "1500.00" }], [], { charge: { kind: "ROOM", folioId } }));
    await tx((x) => addFolioCharge(x, { folioId, lines: [{ description: "Noche", quantity: "1", unitPrice: "40000.00", ivaRate: "21" }] }, { userId: t.ownerId }));
    await expect(tx((x) => checkoutFolio(x, { mode: "ACCOUNT", folioId }, { userId: t.ownerId }))).rejects.toThrow("no tiene empresa");
    await expect(tx((x) => checkoutFolio(x, { mode: "PAY", folioId, cashSessionId: sessionId, payments: [{ method: "CASH", amount: "40000.00" }] }, { userId: t.ownerId }))).rejects.toThrow("Falta cobrar");
    const r = await tx((x) =>
      checkoutFolio(x, { mode: "PAY", folioId, cashSessionId: sessionId, payments: [{ method: "DEBIT", amount: "21500.00" }, { method: "CASH", amount: "25000.00" }] }, { userId: t.ownerId }),
    );
    expect(r).toMatchObject({ status: "CLOSED_PAID", total: "41500.00", change: "5000.00" });
    const [doc] = await admin<{ status: string; total: string; receiver_doc_type: number; receiver_doc_number: string; point_of_sale: number }[]>`
      select status, total::text, receiver_doc_type, receiver_doc_number, point_of_sale from fiscal_documents where id = ${r.fiscalDocumentId}`;
    expect(doc).toEqual({ status: "PENDING", total: "41500.00", receiver_doc_type: 96, receiver_doc_number: "28765432", point_of_sale: 4 });
    const moves = await admin<{ method: string; amount: string }[]>`select method, amount::text from cash_movements where cash_session_id = ${sessionId} and type = 'MANUAL_IN' order by method`;
    expect(moves).toEqual([
      { method: "CASH", amount: "20000.00" },
      { method: "DEBIT", amount: "21500.00" },
    ]);
    const [charges] = await admin<{ n: number }[]>`select count(*)::int as n from billing_charges where folio_id = ${folioId} and status = 'PAID_AT_CHECKOUT'`;
    expect(charges!.n).toBe(2);
  });
});

describe("account statement and collections", () => {
  it("invoices then partial payments balance to the cent, with ageing and overdue notifications", async () => {
    const customerId = await company("1000000.00", 10);
    const charge = (price: string, on: string) =>
      tx((x) => addAccountCharge(x, { customerId, chargedOn: on, lines: [{ description: "Servicio", quantity: "3", unitPrice: price, ivaRate: "10.5" }] }, { userId: t.ownerId }));
    await charge("333.33", "2026-01-05"); // 999.99
    await charge("1234.57", "2026-01-20"); // 3703.71
    const batchId = randomUUID();
    await tx((x) => createBatch(x, { id: batchId, pointOfSale: 5, issueDate: today(), customerIds: [customerId] }, { userId: t.ownerId }));
    await runBatchRound(t.tenantId, batchId);
    expect(await tx((x) => finishBatch(x, batchId))).toEqual({ status: "PROCESSED", issued: 1, errors: 0 });

    await tx((x) => recordCollection(x, { customerId, receivedOn: today(), method: "TRANSFER", amount: "1000.01", reference: "Transf 1" }, { userId: t.ownerId }));
    await tx((x) => recordCollection(x, { customerId, receivedOn: today(), method: "CASH", amount: "0.99" }, { userId: t.ownerId }));
    await expect(tx((x) => recordCollection(x, { customerId, receivedOn: today(), method: "CASH", amount: "3702.71" }, { userId: t.ownerId }))).rejects.toThrow("supera");

    const st = await tx((x) => customerStatement(x, customerId));
    expect(st.entries.map((e) => [e.kind, e.debit, e.credit, e.balance])).toEqual([
      ["INVOICE", "4703.70", "0.00", "4703.70"],
      ["COLLECTION", "0.00", "1000.01", "3703.69"],
      ["COLLECTION", "0.00", "0.99", "3702.70"],
    ]);
    expect(st.balance).toBe("3702.70");
    expect(st.entries[0]!.label).toMatch(/^Factura A 00005-00000001$/);
    expect(st.invoices[0]).toMatchObject({ open: "3702.70", status: "CURRENT" });
    expect(st.ageing).toMatchObject({ CURRENT: "3702.70", D1_30: "0.00" });

    // 25 days later the invoice (10-day terms) is 15 days overdue: ageing and one notification, once.
    const later = new Date(Date.parse(`${today()}T12:00:00Z`) + 25 * 86_400_000).toISOString().slice(0, 10);
    const aged = await tx((x) => customerStatement(x, customerId, { today: later }));
    expect(aged.ageing).toMatchObject({ CURRENT: "0.00", D1_30: "3702.70" });
    expect((await tx((x) => scanOverdueReceivables(x, { today: later }))).notified).toBe(1);
    expect((await tx((x) => scanOverdueReceivables(x, { today: later }))).notified).toBe(0);
    const [n] = await admin<{ kind: string; title: string }[]>`select kind, title from notifications where tenant_id = ${t.tenantId} and kind = 'RECEIVABLE_OVERDUE'`;
    expect(n!.title).toContain("vencida");

    await tx((x) => recordCollection(x, { customerId, receivedOn: today(), method: "CREDIT", amount: "3702.70" }, { userId: t.ownerId }));
    const paid = await tx((x) => customerStatement(x, customerId));
    expect(paid.balance).toBe("0.00");
    expect(paid.invoices[0]!.status).toBe("PAID");
  });
});
