import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { addMember, adminSql, makeTenant } from "../../../test/factories";
import { callerFor } from "../../../test/caller";
import { seedProduct } from "../../pos/test-helpers";

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: Awaited<ReturnType<typeof addMember>>;
let supervisor: Awaited<ReturnType<typeof addMember>>;
let registerId: string;

beforeAll(async () => {
  t = await makeTenant("Kiosco API");
  cashier = await addMember(t.tenantId, "CASHIER");
  supervisor = await addMember(t.tenantId, "SUPERVISOR");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
});

describe("pos router", () => {
  it("a cashier cannot read expected amounts before declaring; a supervisor sees expected vs declared", async () => {
    const cash = callerFor(cashier.userId, t.slug);
    const sup = callerFor(supervisor.userId, t.slug);
    const p = await seedProduct(t.tenantId, t.ownerId, {
      name: "Gaseosa",
      price: "1500.00",
      barcode: "7790000000010",
      stock: [{ warehouseId: t.warehouseId, quantity: "10", unitCost: "700" }],
    });
    const session = await cash.pos.openSession({ registerId, openingFloat: "1000.00" });
    const found = await cash.pos.productByCode({ code: "7790000000010" });
    expect(found).toMatchObject({ id: p, name: "Gaseosa", salePrice: "1500.00" });
    const sale = await cash.pos.createSale({
      id: randomUUID(),
      registerId,
      cashSessionId: session.id,
      createdAt: new Date().toISOString(),
      lines: [{ productId: p, quantity: "2", unitPrice: "1500.00" }],
      payments: [{ method: "CASH", amount: "5000.00" }],
    });
    expect(sale).toMatchObject({ status: "CREATED", total: "3000.00", change: "2000.00" });
    expect(sale).not.toHaveProperty("fiscalDocumentId");

    const view = await cash.pos.session({ cashSessionId: session.id });
    expect(view.revealed).toBe(false);
    const text = JSON.stringify(view);
    expect(text).not.toContain("4000"); // float 1000 + 3000 cash sale
    expect(text).not.toContain("3000");
    // Nor through the listing that supervisors use, nor the sales list without a session.
    await expect(cash.pos.sessions()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cash.pos.sales({ cashSessionId: session.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const supView = await sup.pos.session({ cashSessionId: session.id });
    expect(supView.revealed && supView.expected.CASH).toBe("4000.00");

    const closed = await cash.pos.closeSession({ cashSessionId: session.id, declared: [{ method: "CASH", amount: "3900.00" }] });
    expect(closed).toMatchObject({ expectedTotal: "4000.00", deviation: "-100.00", deviationClass: "WARNING", review: "NOT_REQUIRED" });
    const listed = await sup.pos.sessions();
    expect(listed.find((s) => s.id === session.id)).toMatchObject({ expectedTotal: "4000.00", declaredTotal: "3900.00", deviationClass: "WARNING" });
  });

  it("maps domain errors to typed tRPC errors with Spanish messages and refuses bad input", async () => {
    const cash = callerFor(cashier.userId, t.slug);
    const session = await cash.pos.openSession({ registerId, openingFloat: "0" });
    const p = await seedProduct(t.tenantId, t.ownerId, { name: "Turrón", price: "500", stock: [{ warehouseId: t.warehouseId, quantity: "1", unitCost: "100" }] });
    const err = await cash.pos
      .createSale({
        id: randomUUID(),
        registerId,
        cashSessionId: session.id,
        createdAt: new Date().toISOString(),
        lines: [{ productId: p, quantity: "2", unitPrice: "500" }],
        payments: [{ method: "CASH", amount: "1000" }],
      })
      .catch((e) => e);
    expect(err).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Stock insuficiente de «Turrón»") });
    await expect(
      cash.pos.createSale({ id: "nope", registerId, cashSessionId: session.id, createdAt: "x", lines: [], payments: [] } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // An operator has no POS permission at all.
    const operator = await addMember(t.tenantId, "OPERATOR");
    await expect(callerFor(operator.userId, t.slug).pos.registers()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("owners configure registers; a fiscal register's sale requests an invoice for the chosen customer", async () => {
    const owner = callerFor(t.ownerId, t.slug);
    const cash = callerFor(cashier.userId, t.slug);
    await expect(cash.pos.saveRegister({ name: "Caja X", warehouseId: t.warehouseId, afipPointOfSale: 3, fiscalEnabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const reg = await owner.pos.saveRegister({ name: "Caja fiscal", warehouseId: t.warehouseId, afipPointOfSale: 3, fiscalEnabled: true });
    await expect(owner.pos.saveRegister({ name: "Caja fiscal", warehouseId: t.warehouseId, afipPointOfSale: 4, fiscalEnabled: false })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const customer = await cash.pos.createCustomer({ docType: "CUIT", docNumber: "30712345679", name: "Eventos SA", ivaCondition: "RESPONSABLE_INSCRIPTO" });
    await expect(
      cash.pos.createCustomer({ docType: "CUIT", docNumber: "30712345679", name: "Otra", ivaCondition: "MONOTRIBUTO" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await cash.pos.customers({ q: "3071" })).map((c) => c.id)).toEqual([customer.id]);

    const p = await seedProduct(t.tenantId, t.ownerId, { name: "Vino", price: "12100.00", stock: [{ warehouseId: t.warehouseId, quantity: "5", unitCost: "5000" }] });
    const session = await cash.pos.openSession({ registerId: reg.id, openingFloat: "0" });
    const saleId = randomUUID();
    await cash.pos.createSale({
      id: saleId,
      registerId: reg.id,
      cashSessionId: session.id,
      customerId: customer.id,
      createdAt: new Date().toISOString(),
      lines: [{ productId: p, quantity: "1", unitPrice: "12100.00" }],
      payments: [{ method: "TRANSFER", amount: "12100.00" }],
    });
    const [doc] = await admin`
      select d.kind, d.status, d.point_of_sale, d.receiver_doc_type, d.receiver_doc_number, d.total, s.fiscal_status, s.fiscal_document_id = d.id as linked
      from fiscal_documents d join sales s on s.id = d.sale_id where d.sale_id = ${saleId}`;
    expect(doc).toMatchObject({
      kind: "INVOICE",
      status: "PENDING",
      point_of_sale: 3,
      receiver_doc_type: 80,
      receiver_doc_number: "30712345679",
      total: "12100.00",
      fiscal_status: "PENDING",
      linked: true,
    });
    const ticket = await cash.pos.sale({ saleId });
    expect(ticket).toMatchObject({ customerName: "Eventos SA", total: "12100.00", fiscalStatus: "PENDING" });
  });
});
