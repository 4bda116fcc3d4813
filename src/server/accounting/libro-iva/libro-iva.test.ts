import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCa } from "../../afip/fake/certs";
import { startFakeAfip, type FakeAfip } from "../../afip/fake/server";
import { withTenant } from "../../db/with-tenant";
import { issueDocument } from "../../fiscal/issue-document";
import { requestCreditNote } from "../../fiscal/request-credit-note";
import { tenantToday } from "../../purchasing/common";
import { consumerSale, makeFiscalTenant, randomCuit, requestDoc } from "@/test/fiscal";
import { makeSupplier } from "@/test/purchasing";
import { recordExpenseInvoice } from "../record-expense-invoice";
import { libroIvaLines, precheckLibroIva, writeLibroIva } from "./libro-iva";
import { COMPRAS_ALICUOTAS, COMPRAS_CBTE, fieldPositions, LIBRO_IVA_DESIGNS, VENTAS_ALICUOTAS, VENTAS_CBTE, type RecordDesign } from "./record-design";
import { parseRecord } from "./format-record";

const ca = createTestCa();
let fake: FakeAfip;
let ri: Awaited<ReturnType<typeof makeFiscalTenant>>;
let exento: Awaited<ReturnType<typeof makeFiscalTenant>>;
let month: string;
let ymd: string;
const customerCuit = randomCuit("30");
let supplierCuit: string;

beforeAll(async () => {
  fake = await startFakeAfip({ ca });
  process.env.FAKE_AFIP_URL = fake.url;
  process.env.AFIP_TIMEOUT_MS = "10000";
  ri = await makeFiscalTenant(ca, "RESPONSABLE_INSCRIPTO");
  exento = await makeFiscalTenant(ca, "EXENTO");
  const today = await withTenant(ri.tenantId, (tx) => tenantToday(tx));
  month = today.slice(0, 7);
  ymd = today.replaceAll("-", "");

  // Sales: Factura B to a consumidor final (two rates), Factura A to a company, the B's credit note.
  const b = consumerSale();
  const bId = await requestDoc(ri.tenantId, b);
  const aId = await requestDoc(
    ri.tenantId,
    consumerSale({ receiver: { docType: 80, docNumber: customerCuit, ivaCondition: "RESPONSABLE_INSCRIPTO", name: "Cliente Mayorista SA" } }),
  );
  for (const id of [bId, aId]) expect((await issueDocument(ri.tenantId, id)).status).toBe("ISSUED");
  const nc = await withTenant(ri.tenantId, (tx) => requestCreditNote(tx, { saleId: b.saleId }));
  expect((await issueDocument(ri.tenantId, nc!.documentId)).status).toBe("ISSUED");
  // An exempt business issues Factura C.
  const cId = await requestDoc(exento.tenantId, consumerSale({ total: "500.00", lines: [{ description: "Clase", quantity: "1", unitPrice: "500", ivaRate: "0" }] }));
  expect((await issueDocument(exento.tenantId, cId)).status).toBe("ISSUED");

  // Purchases: Factura A with two rates and percepciones (IVA, IIBB), a Factura C, a Nota de Crédito A.
  supplierCuit = randomCuit("30");
  const supplierId = await makeSupplier(ri.tenantId, { name: "Distribuidora Ñandú SRL", cuit: supplierCuit });
  await withTenant(ri.tenantId, async (tx) => {
    const actor = { userId: ri.ownerId };
    await recordExpenseInvoice(
      tx,
      {
        supplierId,
        invoice: {
          cbteTipo: 1, pointOfSale: 12, number: 3456, issueDate: today,
          vat: [{ rate: "21", net: "10000.00", vat: "2100.00" }, { rate: "10.5", net: "2000.00", vat: "210.00" }],
          exempt: "150.00",
          perceptions: [{ kind: "IVA", amount: "360.00" }, { kind: "IIBB", jurisdiction: "901 CABA", amount: "300.00" }],
          total: "15120.00",
        },
      },
      actor,
    );
    await recordExpenseInvoice(tx, { supplierId, invoice: { cbteTipo: 11, pointOfSale: 2, number: 9, issueDate: today, vat: [{ rate: "0", net: "800.00", vat: "0" }], total: "800.00" } }, actor);
    await recordExpenseInvoice(
      tx,
      { supplierId, invoice: { cbteTipo: 3, pointOfSale: 12, number: 40, issueDate: today, vat: [{ rate: "21", net: "100.00", vat: "21.00" }], total: "121.00" } },
      actor,
    );
  });
});
afterAll(async () => {
  await fake.close();
});

const lines = async (tenantId: string, file: keyof typeof LIBRO_IVA_DESIGNS) =>
  withTenant(tenantId, async (tx) => {
    const out: string[] = [];
    for await (const l of libroIvaLines(tx, month, file)) out.push(l);
    return out;
  });
const pad = (v: string | number, n: number) => String(v).padStart(n, "0");
const padR = (v: string, n: number) => v.padEnd(n, " ");

describe("record design (ARCA's published layout)", () => {
  it.each([
    { name: VENTAS_CBTE.file, design: VENTAS_CBTE, length: 266 },
    { name: VENTAS_ALICUOTAS.file, design: VENTAS_ALICUOTAS, length: 62 },
    { name: COMPRAS_CBTE.file, design: COMPRAS_CBTE, length: 325 },
    { name: COMPRAS_ALICUOTAS.file, design: COMPRAS_ALICUOTAS, length: 84 },
  ] as { name: string; design: RecordDesign; length: number }[])("$name adds up to its record length", ({ design, length }) => {
    expect(design.length).toBe(length);
    expect(design.fields.reduce((a, f) => a + f.length, 0)).toBe(length);
  });

  it("fields sit where ARCA's design puts them", () => {
    const at = (d: RecordDesign, key: string) => fieldPositions(d).find((p) => p.key === key);
    expect(at(VENTAS_CBTE, "total")).toEqual({ key: "total", start: 109, end: 123 });
    expect(at(VENTAS_CBTE, "cantAlicuotas")).toEqual({ key: "cantAlicuotas", start: 242, end: 242 });
    expect(at(VENTAS_CBTE, "fechaVtoPago")).toEqual({ key: "fechaVtoPago", start: 259, end: 266 });
    expect(at(COMPRAS_CBTE, "creditoFiscal")).toEqual({ key: "creditoFiscal", start: 240, end: 254 });
    expect(at(COMPRAS_CBTE, "ivaComision")).toEqual({ key: "ivaComision", start: 311, end: 325 });
    expect(at(COMPRAS_ALICUOTAS, "alicuota")).toEqual({ key: "alicuota", start: 66, end: 69 });
    expect(at(VENTAS_ALICUOTAS, "impuesto")).toEqual({ key: "impuesto", start: 48, end: 62 });
  });
});

describe("Libro IVA Digital: ventas", () => {
  it("one record per document with every field in place (golden)", async () => {
    const cbte = await lines(ri.tenantId, "VENTAS_CBTE");
    expect(cbte).toHaveLength(3);
    for (const l of cbte) expect(l).toHaveLength(266);
    const zeros15 = "0".repeat(15);
    const rest = (total: string, alic: number) =>
      pad(total, 15) + zeros15 + zeros15 + zeros15 + zeros15 + zeros15 + zeros15 + zeros15 + "PES" + "0001000000" + String(alic) + " " + zeros15 + "00000000";
    // Factura A 1 (CUIT), Nota de Crédito B 1, Factura B 1 — ordered by type.
    expect(cbte[0]).toBe(ymd + "001" + "00002" + pad(1, 20) + pad(1, 20) + "80" + pad(customerCuit, 20) + padR("CLIENTE MAYORISTA SA", 30) + rest("891750", 2));
    expect(cbte[1]).toBe(ymd + "006" + "00002" + pad(1, 20) + pad(1, 20) + "99" + pad(0, 20) + padR("CONSUMIDOR FINAL", 30) + rest("891750", 2));
    expect(cbte[2]).toBe(ymd + "008" + "00002" + pad(1, 20) + pad(1, 20) + "99" + pad(0, 20) + padR("CONSUMIDOR FINAL", 30) + rest("891750", 2));

    const alic = await lines(ri.tenantId, "VENTAS_ALICUOTAS");
    // 7.260 at 21 % → 6.000 + 1.260; 1.657,50 at 10,5 % → 1.500 + 157,50 (each document, in order).
    const pair = (tipo: string) => [
      tipo + "00002" + pad(1, 20) + pad(600000, 15) + "0005" + pad(126000, 15),
      tipo + "00002" + pad(1, 20) + pad(150000, 15) + "0004" + pad(15750, 15),
    ];
    expect(alic.sort()).toEqual([...pair("001"), ...pair("006"), ...pair("008")].sort());
    for (const l of alic) expect(l).toHaveLength(62);
  });

  it("class C: no alícuota record, exempt operation", async () => {
    const [c] = await lines(exento.tenantId, "VENTAS_CBTE");
    const f = parseRecord(VENTAS_CBTE, c!);
    expect(f).toMatchObject({ tipo: "011", total: pad(50000, 15), cantAlicuotas: "0", codOperacion: "E" });
    expect(await lines(exento.tenantId, "VENTAS_ALICUOTAS")).toEqual([]);
  });
});

describe("Libro IVA Digital: compras", () => {
  it("Factura A with percepciones, Factura C and a credit note (golden)", async () => {
    const cbte = await lines(ri.tenantId, "COMPRAS_CBTE");
    expect(cbte).toHaveLength(3);
    for (const l of cbte) expect(l).toHaveLength(325);
    const head = (tipo: string, pv: number, n: number) =>
      ymd + tipo + pad(pv, 5) + pad(n, 20) + " ".repeat(16) + "80" + pad(supplierCuit, 20) + padR("DISTRIBUIDORA ÑANDÚ SRL", 30);
    const tail = (alic: number, op: string, credit: string, otros = 0) =>
      "PES" + "0001000000" + String(alic) + op + pad(credit, 15) + pad(otros, 15) + "0".repeat(11) + " ".repeat(30) + "0".repeat(15);
    // Factura A: total 15.120 = 12.000 net + 2.310 IVA + 150 exempt + 360 perc. IVA + 300 IIBB.
    expect(cbte[0]).toBe(
      head("001", 12, 3456) + pad(1512000, 15) + pad(0, 15) + pad(15000, 15) + pad(36000, 15) + pad(0, 15) + pad(30000, 15) + pad(0, 15) + pad(0, 15) + tail(2, " ", "231000"),
    );
    expect(cbte[1]).toBe(head("003", 12, 40) + pad(12100, 15) + pad(0, 15).repeat(7) + tail(1, " ", "2100"));
    expect(cbte[2]).toBe(head("011", 2, 9) + pad(80000, 15) + pad(0, 15).repeat(7) + tail(0, "N", "0"));

    const alic = await lines(ri.tenantId, "COMPRAS_ALICUOTAS");
    const rec = (tipo: string, n: number, net: number, code: string, vat: number) =>
      tipo + "00012" + pad(n, 20) + "80" + pad(supplierCuit, 20) + pad(net, 15) + code + pad(vat, 15);
    expect(alic).toEqual([rec("001", 3456, 200000, "0004", 21000), rec("001", 3456, 1000000, "0005", 210000), rec("003", 40, 10000, "0005", 2100)]);
  });

  it("files are ISO-8859-1 with CRLF line ends", async () => {
    const bytes = await withTenant(ri.tenantId, async (tx) => {
      const chunks: Uint8Array[] = [];
      await writeLibroIva(tx, month, "COMPRAS_CBTE", (c) => void chunks.push(c));
      return Buffer.concat(chunks);
    });
    expect(bytes.length).toBe(3 * (325 + 2));
    expect(bytes.includes(Buffer.from("Ñ", "latin1"))).toBe(true);
    expect(bytes.includes(Buffer.from("Ñ", "utf8"))).toBe(false);
    expect(bytes.subarray(325, 327).toString("latin1")).toBe("\r\n");
  });
});

describe("pre-check", () => {
  it("a clean month has no problems; a document without alícuota or with bad totals is listed", async () => {
    const clean = await withTenant(ri.tenantId, (tx) => precheckLibroIva(tx, month));
    expect(clean).toMatchObject({ sales: 3, purchases: 3, issues: [] });
    const { adminSql } = await import("@/test/factories");
    const admin = adminSql();
    try {
      await admin`update fiscal_documents set iva_breakdown = '[]'::jsonb where tenant_id = ${ri.tenantId} and cbte_tipo = 1`;
      await admin`update supplier_invoices set total = total + 1 where tenant_id = ${ri.tenantId} and cbte_tipo = 11`;
    } finally {
      await admin.end();
    }
    const dirty = await withTenant(ri.tenantId, (tx) => precheckLibroIva(tx, month));
    expect(dirty.issues.map((i) => `${i.book}: ${i.problem}`).sort()).toEqual([
      "COMPRAS: los importes no suman el total (800.00 ≠ 801.00)",
      "VENTAS: no tiene ninguna alícuota de IVA",
    ]);
  });
});
