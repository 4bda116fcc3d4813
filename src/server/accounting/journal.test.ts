import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { makeSupplier } from "../../test/purchasing";
import { withTenant } from "../db/with-tenant";
import { createProduct } from "../catalog/create-product";
import { receiveStock } from "../inventory/receive-stock";
import { createSale } from "../pos/create-sale";
import { voidSale } from "../pos/void-sale";
import { openSession, saleInput } from "../pos/test-helpers";
import { closeCashSession } from "../cash/close-cash-session";
import { saveFiscalSettings } from "../fiscal/save-fiscal-settings";
import { receiveGoods } from "../purchasing/receive-goods";
import { recordPayment } from "../purchasing/payables";
import { tenantToday } from "../purchasing/common";
import { generateJournal } from "./generate-journal";
import { previewJournal } from "./preview-journal";
import { exportJournal } from "./export-journal";
import { journalRows } from "./journal-rows";
import { writeJournalCsv } from "./write-journal-file";

// Hand-worked figures: every entry below is computed on paper first, to the cent.

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: Awaited<ReturnType<typeof addMember>>;
let supervisor: Awaited<ReturnType<typeof addMember>>;
let registerId: string;
let sessionId: string;
let wine: string; // 21 %
let bread: string; // 10,5 %
let today: string;
let saleId: string;

const owner = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn, { userId: t.ownerId });

/** An entry's lines as "code D/C amount", sorted, for readable exact comparisons. */
async function linesOf(sourceType: string, sourceId: string, role = "ORIGINAL") {
  const rows = await admin<{ code: string; debit: string; credit: string }[]>`
    select a.code, x->>'d' as debit, x->>'c' as credit
    from journal_entries e cross join lateral jsonb_array_elements(e.lines) x
    join ledger_accounts a on a.tenant_id = e.tenant_id and a.id = (x->>'a')::uuid
    where e.tenant_id = ${t.tenantId} and e.source_type = ${sourceType} and e.source_id = ${sourceId} and e.role = ${role}::journal_entry_role
    order by a.code, (x->>'d')::numeric, (x->>'c')::numeric`;
  return rows.map((r) => (Number(r.debit) ? `${r.code} D ${r.debit}` : `${r.code} C ${r.credit}`));
}

beforeAll(async () => {
  t = await makeTenant("Almacén Contable");
  cashier = await addMember(t.tenantId, "CASHIER");
  supervisor = await addMember(t.tenantId, "SUPERVISOR");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
  await owner(async (tx) => {
    await saveFiscalSettings(tx, { cuit: "30712345671", legalName: "Almacén Contable SA", ivaCondition: "RESPONSABLE_INSCRIPTO", environment: "FAKE" });
    wine = (await createProduct(tx, { sku: "VINO", name: "Vino", salePrice: "1210", ivaRate: "21" }, { userId: t.ownerId })).id;
    bread = (await createProduct(tx, { sku: "PAN", name: "Pan", salePrice: "1105", ivaRate: "10.5" }, { userId: t.ownerId })).id;
    await receiveStock(tx, { productId: wine, warehouseId: t.warehouseId, quantity: "5", unitCost: "800" }, { userId: t.ownerId });
    await receiveStock(tx, { productId: bread, warehouseId: t.warehouseId, quantity: "5", unitCost: "600" }, { userId: t.ownerId });
    today = await tenantToday(tx);
  });
  sessionId = (await openSession(t.tenantId, cashier.userId, registerId, "1000.00")).id;
  const input = saleInput(
    registerId,
    sessionId,
    [
      { productId: wine, quantity: "2", unitPrice: "1210" },
      { productId: bread, quantity: "1", unitPrice: "1105" },
    ],
    [{ method: "CASH", amount: "3525.00" }],
  );
  saleId = input.id;
  await withTenant(t.tenantId, (tx) => createSale(tx, input, { userId: cashier.userId }, { mode: "online" }), { userId: cashier.userId });
});

describe("journal entries", () => {
  it("a sale with two IVA rates: cash against net sales and IVA per rate, and cost of goods against inventory", async () => {
    await owner((tx) => generateJournal(tx, { from: today, to: today }));
    // 2 × 1.210 at 21 % = 2.420 → 2.000 + 420; 1 × 1.105 at 10,5 % = 1.105 → 1.000 + 105;
    // cost 2 × 800 + 600 = 2.200.
    expect(await linesOf("SALE", saleId)).toEqual([
      "1.1.01 D 3525.00",
      "1.2.01 C 2200.00",
      "2.1.02 C 105.00",
      "2.1.02 C 420.00",
      "4.1.01 C 1000.00",
      "4.1.01 C 2000.00",
      "5.1.01 D 2200.00",
    ]);
    // Generating again changes nothing.
    const again = await owner((tx) => generateJournal(tx, { from: today, to: today }));
    expect(again.created).toBe(0);
  });

  it("a receipt with the supplier's Factura A: two rates, IVA and IIBB percepciones, against the supplier", async () => {
    const supplierId = await makeSupplier(t.tenantId, { paymentTermsDays: 30 });
    const r = await owner((tx) =>
      receiveGoods(
        tx,
        {
          idempotencyKey: randomUUID(),
          supplierId,
          receivedOn: today,
          lines: [
            { productId: wine, quantity: "10", unitCost: "1000" },
            { productId: bread, quantity: "10", unitCost: "200" },
          ],
          supplierInvoice: {
            cbteTipo: 1,
            pointOfSale: 3,
            number: 1234,
            issueDate: today,
            vat: [
              { rate: "21", net: "10000.00", vat: "2100.00" },
              { rate: "10.5", net: "2000.00", vat: "210.00" },
            ],
            perceptions: [
              { kind: "IIBB", jurisdiction: "902 Buenos Aires", amount: "300.00" },
              { kind: "IVA", amount: "360.00" },
            ],
            total: "14970.00",
          },
        },
        { userId: t.ownerId },
      ),
    );
    // The payable is what the invoice says (IVA and percepciones included), not the goods' cost.
    const [p] = await admin<{ amount: string }[]>`select amount::text from payables where tenant_id = ${t.tenantId} and id = ${r.payableId}`;
    expect(p!.amount).toBe("14970.00");
    const [inv] = await admin<{ id: string }[]>`select id from supplier_invoices where tenant_id = ${t.tenantId} and receipt_id = ${r.receiptId}`;
    await owner((tx) => generateJournal(tx, { from: today, to: today }));
    expect(await linesOf("SUPPLIER_INVOICE", inv!.id)).toEqual([
      "1.1.05 D 210.00",
      "1.1.05 D 2100.00",
      "1.1.06 D 360.00",
      "1.1.07 D 300.00",
      "1.2.01 D 12000.00",
      "2.1.01 C 14970.00",
    ]);
    // Paying part of it: the supplier against the bank.
    const pay = await owner((tx) => recordPayment(tx, { payableId: r.payableId, amount: "4970.00", method: "TRANSFER", paidOn: today }, { userId: t.ownerId }));
    await owner((tx) => generateJournal(tx, { from: today, to: today }));
    expect(await linesOf("PAYABLE_PAYMENT", pay.paymentId)).toEqual(["1.1.02 C 4970.00", "2.1.01 D 4970.00"]);
  });

  it("the same supplier document twice is refused, also inside a receipt (nothing of the receipt stays)", async () => {
    const supplierId = await makeSupplier(t.tenantId);
    const doc = { cbteTipo: 6, pointOfSale: 1, number: 77, issueDate: today, vat: [{ rate: "21" as const, net: "1210.00", vat: "0" }], total: "1210.00" };
    const receive = () =>
      owner((tx) =>
        receiveGoods(tx, { idempotencyKey: randomUUID(), supplierId, receivedOn: today, lines: [{ productId: wine, quantity: "1", unitCost: "1210" }], supplierInvoice: doc }, { userId: t.ownerId }),
      );
    await receive();
    const before = await admin`select count(*)::int as n from goods_receipts where tenant_id = ${t.tenantId}`;
    await expect(receive()).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await admin`select count(*)::int as n from goods_receipts where tenant_id = ${t.tenantId}`;
    expect(after[0]!.n).toBe(before[0]!.n);
    // Totals that do not add up are refused with both figures.
    await expect(
      owner((tx) =>
        receiveGoods(
          tx,
          { idempotencyKey: randomUUID(), supplierId, receivedOn: today, lines: [{ productId: wine, quantity: "1", unitCost: "100" }], supplierInvoice: { ...doc, number: 78, total: "1300.00" } },
          { userId: t.ownerId },
        ),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("no suman el total") });
  });

  it("a cash shortage at closing: cash over/short against the drawer", async () => {
    // Float 1.000 + sale 3.525 = 4.525 expected; the cashier counts 4.400 → 125 short.
    await withTenant(t.tenantId, (tx) => closeCashSession(tx, { cashSessionId: sessionId, declared: [{ method: "CASH", amount: "4400.00" }] }, { userId: cashier.userId }), {
      userId: cashier.userId,
    });
    await owner((tx) => generateJournal(tx, { from: today, to: today }));
    expect(await linesOf("CASH_CLOSING", sessionId)).toEqual(["1.1.01 C 125.00", "5.2.02 D 125.00"]);
  });

  it("every entry balances; export marks them, a second export of the period has nothing new, and the same export reproduces the same file", async () => {
    const preview = await owner((tx) => previewJournal(tx, { from: today, to: today }));
    expect(preview.unbalanced).toEqual([]);
    expect(preview.totalDebit).toBe(preview.totalCredit);
    const exp = await owner((tx) => exportJournal(tx, { from: today, to: today }, { userId: t.ownerId }));
    expect(exp.entryCount).toBe(preview.entryCount);
    expect(exp.totalDebit).toBe(preview.totalDebit);
    await expect(owner((tx) => exportJournal(tx, { from: today, to: today }, { userId: t.ownerId }))).rejects.toMatchObject({ code: "VALIDATION" });

    const file = async () => {
      const chunks: Uint8Array[] = [];
      await owner((tx) => writeJournalCsv(tx, exp.exportId, exp.number, (c) => void chunks.push(c)));
      return Buffer.concat(chunks).toString("utf8");
    };
    const first = await file();
    expect(first).toBe(await file());
    expect(first.startsWith("\uFEFFExportación;Fecha;")).toBe(true);
    expect(first).toContain(";1.1.01;Caja;3525,00;0,00;");
    const lines = await owner(async (tx) => {
      let n = 0;
      for await (const _ of journalRows(tx, exp.exportId)) n++;
      return n;
    });
    expect(first.trim().split("\r\n")).toHaveLength(lines + 1);
  });

  it("a void after export: the next export carries the reversing entry, and only it", async () => {
    // The money goes back through an open session on the register.
    sessionId = (await openSession(t.tenantId, cashier.userId, registerId, "5000.00")).id;
    await withTenant(
      t.tenantId,
      (tx) => voidSale(tx, { saleId, reason: "Cliente devolvió todo", supervisorEmail: supervisor.email, supervisorPassword: supervisor.password }, { userId: cashier.userId, ip: "127.0.0.1" }),
      { userId: cashier.userId },
    );
    const preview = await owner((tx) => previewJournal(tx, { from: today, to: today }));
    expect(preview.entryCount).toBe(1);
    expect(await linesOf("SALE", saleId, "REVERSAL")).toEqual([
      "1.1.01 C 3525.00",
      "1.2.01 D 2200.00",
      "2.1.02 D 105.00",
      "2.1.02 D 420.00",
      "4.1.01 D 1000.00",
      "4.1.01 D 2000.00",
      "5.1.01 C 2200.00",
    ]);
    const exp = await owner((tx) => exportJournal(tx, { from: today, to: today }, { userId: t.ownerId }));
    expect(exp).toMatchObject({ number: 2, entryCount: 1, totalDebit: "5725.00", totalCredit: "5725.00" });
  });

  it("a cent of rounding goes to its declared account; an amount that cannot balance is listed and blocks the export", async () => {
    // Two lines of 100,00 (21 % and 10,5 %) and a ticket discount of 99,99: total 100,01 spread
    // pro rata gives 50,005 → 50,01 per rate, one cent more than the total.
    const [a, b] = await owner(async (tx) => {
      const ids: string[] = [];
      for (const [sku, rate] of [["A21", "21"], ["B105", "10.5"]] as const) {
        const { id } = await createProduct(tx, { sku, name: sku, salePrice: "100", ivaRate: rate }, { userId: t.ownerId });
        await receiveStock(tx, { productId: id, warehouseId: t.warehouseId, quantity: "1", unitCost: "40" }, { userId: t.ownerId });
        ids.push(id);
      }
      return ids;
    });
    const input = saleInput(
      registerId,
      sessionId,
      [
        { productId: a!, quantity: "1", unitPrice: "100" },
        { productId: b!, quantity: "1", unitPrice: "100" },
      ],
      [{ method: "DEBIT", amount: "100.01" }],
      { discount: "99.99" },
    );
    await withTenant(t.tenantId, (tx) => createSale(tx, input, { userId: cashier.userId }, { mode: "online" }), { userId: cashier.userId });
    await owner((tx) => generateJournal(tx, { from: today, to: today }));
    // 50,01 / 1,21 = 41,33 + 8,68; 50,01 / 1,105 = 45,26 + 4,75 → credits 100,02 against 100,01.
    expect(await linesOf("SALE", input.id)).toEqual([
      "1.1.03 D 100.01",
      "1.2.01 C 80.00",
      "2.1.02 C 4.75",
      "2.1.02 C 8.68",
      "4.1.01 C 41.33",
      "4.1.01 C 45.26",
      "5.1.01 D 80.00",
      "5.2.03 D 0.01",
    ]);
    expect((await owner((tx) => previewJournal(tx, { from: today, to: today }))).unbalanced).toEqual([]);

    // A line changed behind the app's back: the entry cannot balance, and the export refuses.
    await admin`update journal_entries set lines = jsonb_set(lines, '{0,d}', to_jsonb(((lines->0->>'d')::numeric + 10)::text))
                where tenant_id = ${t.tenantId} and source_id = ${input.id}`;
    const preview = await owner((tx) => previewJournal(tx, { from: today, to: today }));
    expect(preview.unbalanced).toHaveLength(1);
    const [before] = await admin<{ n: number }[]>`select count(*)::int as n from accounting_exports where tenant_id = ${t.tenantId}`;
    await expect(owner((tx) => exportJournal(tx, { from: today, to: today }, { userId: t.ownerId }))).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("1 asiento desbalanceado"),
      details: { unbalanced: [expect.any(String)] },
    });
    // Refused means nothing changed: no export recorded, no entry marked.
    const [after] = await admin<{ n: number; marked: number }[]>`
      select (select count(*)::int from accounting_exports where tenant_id = ${t.tenantId}) as n,
             (select count(*)::int from journal_entries where tenant_id = ${t.tenantId} and source_id = ${input.id} and export_id is not null) as marked`;
    expect(after).toEqual({ n: before!.n, marked: 0 });
  });
});
