import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { randomCuit } from "../../test/fiscal";
import { nextIp } from "../../test/ip";
import { withTenant } from "../db/with-tenant";
import { createProduct } from "../catalog/create-product";
import { receiveStock } from "../inventory/receive-stock";
import { createSale } from "../pos/create-sale";
import { openSession, saleInput } from "../pos/test-helpers";
import { saveFiscalSettings } from "../fiscal/save-fiscal-settings";
import { createCustomer } from "../customers/save-customer";
import { addAccountCharge } from "../billing/add-account-charge";
import { cancelPending } from "../billing/cancel-pending";
import { openFolio } from "../billing/open-folio";
import { addFolioCharge } from "../billing/add-folio-charge";
import { checkoutFolio } from "../billing/checkout-folio";
import { tenantToday } from "../purchasing/common";
import { generateJournal } from "./generate-journal";
import { previewJournal } from "./preview-journal";

// Billing's journal sources, figures worked on paper first (prices include IVA):
// 2 × $ 1.210 wine at 21 % = 2.000 net + 420 IVA; cost 2 × 800. At 10,5 %: 10.500 / 1,105 =
// 9.502,26 net (rounded to the cent) + 997,74 IVA.

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: Awaited<ReturnType<typeof addMember>>;
let registerId: string;
let sessionId: string;
let wine: string;
let customerId: string;
let today: string;

const owner = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn, { userId: t.ownerId });
const journal = () => owner((tx) => generateJournal(tx, { from: today, to: today }));

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
  t = await makeTenant("Hotel Contable");
  cashier = await addMember(t.tenantId, "CASHIER");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
  await owner(async (tx) => {
    await saveFiscalSettings(tx, { cuit: "30712345671", legalName: "Hotel Contable SA", ivaCondition: "RESPONSABLE_INSCRIPTO", environment: "FAKE" });
    wine = (await createProduct(tx, { sku: "VINO", name: "Vino", salePrice: "1210", ivaRate: "21" }, { userId: t.ownerId })).id;
    await receiveStock(tx, { productId: wine, warehouseId: t.warehouseId, quantity: "10", unitCost: "800" }, { userId: t.ownerId });
    customerId = (
      await createCustomer(tx, {
        docType: "CUIT",
        docNumber: randomCuit("30"),
        name: "Empresa Viajera SA",
        ivaCondition: "RESPONSABLE_INSCRIPTO",
        accountEnabled: true,
        creditLimit: "1000000",
        paymentTermsDays: 30,
      })
    ).id;
    today = await tenantToday(tx);
  });
  sessionId = (await openSession(t.tenantId, cashier.userId, registerId, "0.00")).id;
});

describe("billing's journal entries", () => {
  it("a POS sale on account: the receivable stands in for the payment and the entry balances", async () => {
    const input = saleInput(registerId, sessionId, [{ productId: wine, quantity: "2", unitPrice: "1210" }], [], { charge: { kind: "ACCOUNT", customerId } });
    await withTenant(t.tenantId, (tx) => createSale(tx, input, { userId: cashier.userId, ip: nextIp() }, { mode: "online" }), { userId: cashier.userId });
    await journal();
    expect(await linesOf("SALE", input.id)).toEqual(["1.1.04 D 2420.00", "1.2.01 C 1600.00", "2.1.02 C 420.00", "4.1.01 C 2000.00", "5.1.01 D 1600.00"]);
  });

  it("a manual charge on account is revenue when recorded; cancelled later, the next generation reverses it", async () => {
    const { chargeId } = await owner((tx) =>
      addAccountCharge(tx, { customerId, lines: [{ description: "Alquiler de salón", quantity: "1", unitPrice: "12100", ivaRate: "21" }] }, { userId: t.ownerId }),
    );
    await journal();
    expect(await linesOf("CHARGE", chargeId)).toEqual(["1.1.04 D 12100.00", "2.1.02 C 2100.00", "4.1.01 C 10000.00"]);
    await owner((tx) => cancelPending(tx, { chargeId, reason: "Cargado por error" }, { userId: t.ownerId, ip: nextIp() }));
    await journal();
    expect(await linesOf("CHARGE", chargeId, "REVERSAL")).toEqual(["1.1.04 C 12100.00", "2.1.02 D 2100.00", "4.1.01 D 10000.00"]);
    // Generating again adds nothing.
    expect((await journal()).created).toBe(0);
  });

  it("a charge recorded and cancelled before any generation gets its original and its reversal, netting to zero", async () => {
    const { chargeId } = await owner((tx) =>
      addAccountCharge(tx, { customerId, lines: [{ description: "Cochera", quantity: "2", unitPrice: "5250", ivaRate: "10.5" }] }, { userId: t.ownerId }),
    );
    await owner((tx) => cancelPending(tx, { chargeId, reason: "No correspondía" }, { userId: t.ownerId, ip: nextIp() }));
    await journal();
    expect(await linesOf("CHARGE", chargeId)).toEqual(["1.1.04 D 10500.00", "2.1.02 C 997.74", "4.1.01 C 9502.26"]);
    expect(await linesOf("CHARGE", chargeId, "REVERSAL")).toEqual(["1.1.04 C 10500.00", "2.1.02 D 997.74", "4.1.01 D 9502.26"]);
  });

  it("a customer's collection: the money's account against the receivable, per method", async () => {
    // The collection flow (owed invoices, row lock) is billing's test; here only its journal.
    const id = randomUUID();
    await admin`insert into customer_collections (tenant_id, id, customer_id, received_on, method, amount, reference, created_by)
                values (${t.tenantId}, ${id}, ${customerId}, ${today}, 'CHECK', 7500.50, 'Cheque 123', ${t.ownerId})`;
    await journal();
    expect(await linesOf("COLLECTION", id)).toEqual(["1.1.02 D 7500.50", "1.1.04 C 7500.50"]);
  });

  it("a folio: the room night is revenue against the room receivable; paid at checkout, cash and card settle it", async () => {
    const { folioId } = await owner((tx) =>
      openFolio(tx, { roomNumber: "12", guestName: "Ana Huésped", checkIn: today, checkOut: today }, { userId: t.ownerId }),
    );
    const { chargeId } = await owner((tx) =>
      addFolioCharge(tx, { folioId, lines: [{ description: "Noche habitación doble", quantity: "1", unitPrice: "60500", ivaRate: "21" }] }, { userId: t.ownerId }),
    );
    await owner((tx) =>
      checkoutFolio(
        tx,
        {
          mode: "PAY",
          folioId,
          cashSessionId: sessionId,
          payments: [
            { method: "CASH", amount: "20000.00" },
            { method: "CREDIT", amount: "40500.00" },
          ],
        },
        { userId: t.ownerId },
      ),
    );
    await journal();
    expect(await linesOf("CHARGE", chargeId)).toEqual(["1.1.04 D 60500.00", "2.1.02 C 10500.00", "4.1.01 C 50000.00"]);
    expect(await linesOf("CHECKOUT", folioId)).toEqual(["1.1.01 D 20000.00", "1.1.03 D 40500.00", "1.1.04 C 60500.00"]);
  });

  it("every billing entry balances: nothing blocks the period's export", async () => {
    const preview = await owner((tx) => previewJournal(tx, { from: today, to: today }));
    expect(preview.unbalanced).toEqual([]);
    const [row] = await admin<{ n: number }[]>`select count(*)::int as n from journal_entries where tenant_id = ${t.tenantId} and source_type in ('CHARGE', 'COLLECTION', 'CHECKOUT')`;
    // Two charges with their reversals, the collection, the room night and its checkout.
    expect(row!.n).toBe(7);
  });
});
