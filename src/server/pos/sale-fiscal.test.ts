import { nextIp } from "../../test/ip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalDocuments } from "../db/schema/fiscal";
import { createTestCa } from "../afip/fake/certs";
import { startFakeAfip, type FakeAfip } from "../afip/fake/server";
import { issueDocument } from "../fiscal/issue-document";
import { addMember, adminSql } from "@/test/factories";
import { makeFiscalTenant } from "@/test/fiscal";
import { createSale } from "./create-sale";
import { voidSale } from "./void-sale";
import { openSession, saleInput, seedProduct } from "./test-helpers";

// The sale → fiscal document seam, end to end on real Postgres and the fake AFIP: the sale
// commits with a PENDING document (no network inside), issuing mirrors ISSUED on the sale,
// and a void requests the credit note that references the invoice.
const ca = createTestCa();
let fake: FakeAfip;
const admin = adminSql();

beforeAll(async () => {
  fake = await startFakeAfip({ ca });
  process.env.FAKE_AFIP_URL = fake.url;
  process.env.AFIP_TIMEOUT_MS = "1000";
});
afterAll(async () => {
  await fake.close();
  await admin.end();
});

describe("a sale on a fiscal register", () => {
  it("gets a Factura B, then a Nota de Crédito B when voided", async () => {
    const t = await makeFiscalTenant(ca);
    const cashier = await addMember(t.tenantId, "CASHIER");
    const supervisor = await addMember(t.tenantId, "SUPERVISOR");
    const [r] = await admin<{ id: string }[]>`update registers set fiscal_enabled = true, afip_point_of_sale = 3 where tenant_id = ${t.tenantId} returning id`;
    const session = await openSession(t.tenantId, cashier.userId, r!.id, "0");
    const product = await seedProduct(t.tenantId, t.ownerId, {
      name: "Yerba 1 kg",
      price: "3630",
      stock: [{ warehouseId: t.warehouseId, quantity: "5", unitCost: "2000" }],
    });
    const input = saleInput(r!.id, session.id, [{ productId: product, quantity: "2", unitPrice: "3630" }], [{ method: "CASH", amount: "10000" }]);
    const sale = await withTenant(t.tenantId, (tx) => createSale(tx, input, { userId: cashier.userId }, { mode: "online" }), { userId: cashier.userId });
    expect(sale.fiscalDocumentId).toBeTruthy();
    const [pending] = await admin`select fiscal_status from sales where id = ${input.id}`;
    expect(pending!.fiscal_status).toBe("PENDING");

    const out = await issueDocument(t.tenantId, sale.fiscalDocumentId!);
    expect(out.status).toBe("ISSUED");
    const [issued] = await admin`select fiscal_status, fiscal_document_id from sales where id = ${input.id}`;
    expect(issued).toMatchObject({ fiscal_status: "ISSUED", fiscal_document_id: sale.fiscalDocumentId });
    const [invoice] = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, sale.fiscalDocumentId!)));
    expect(invoice).toMatchObject({ cbteTipo: 6, pointOfSale: 3, number: 1, total: "7260.00", netAmount: "6000.00", ivaAmount: "1260.00" });

    const voided = await withTenant(
      t.tenantId,
      (tx) => voidSale(tx, { saleId: input.id, reason: "Devolución", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: cashier.userId, ip: nextIp() }),
      { userId: cashier.userId },
    );
    expect(voided.sale.fiscalStatus).toBe("CREDIT_NOTE_PENDING");
    const [nc] = await admin<{ id: string }[]>`select id from fiscal_documents where sale_id = ${input.id} and kind = 'CREDIT_NOTE'`;
    const ncOut = await issueDocument(t.tenantId, nc!.id);
    expect(ncOut.status).toBe("ISSUED");
    const [after] = await admin`select fiscal_status from sales where id = ${input.id}`;
    expect(after!.fiscal_status).toBe("CREDIT_NOTE_ISSUED");
    const stored = fake.issued(t.cuit);
    expect(stored.map((d) => [d.cbteTipo, d.nro])).toEqual([
      [6, 1],
      [8, 1],
    ]);
  });
});
