import { randomInt } from "node:crypto";
import { withTenant } from "../server/db/with-tenant";
import { createCustomer } from "../server/customers/save-customer";
import { addAccountCharge } from "../server/billing/add-account-charge";
import { randomCuit } from "./fiscal";
import { savePointOfSale } from "../server/fiscal/save-point-of-sale";

/** An online (CAE) ARCA point of sale a billing batch may issue on. */
export const billingPointOfSale = (tenantId: string, number: number) =>
  withTenant(tenantId, (tx) => savePointOfSale(tx, { number, name: `Facturación ${number}` }));

/** Customers with an account and one manual charge each; every 4th is a consumidor final (Factura B), the rest RI (Factura A). */
export async function seedAccountCharges(tenantId: string, userId: string, n: number, opts: { chargedOn?: string; amount?: (i: number) => string } = {}) {
  const out: { customerId: string; docNumber: string; total: string }[] = [];
  await withTenant(tenantId, async (tx) => {
    for (let i = 0; i < n; i++) {
      const ri = i % 4 !== 3;
      const docNumber = ri ? randomCuit("30") : String(randomInt(20_000_000, 45_000_000));
      const { id } = await createCustomer(tx, {
        docType: ri ? "CUIT" : "DNI",
        docNumber,
        name: `Cliente ${String(i).padStart(4, "0")}`,
        ivaCondition: ri ? "RESPONSABLE_INSCRIPTO" : "CONSUMIDOR_FINAL",
        accountEnabled: true,
        creditLimit: "1000000",
        paymentTermsDays: 30,
      });
      const price = opts.amount?.(i) ?? `${1000 + i}.50`;
      const { total } = await addAccountCharge(
        tx,
        { customerId: id, chargedOn: opts.chargedOn, lines: [{ description: "Servicio de habitación", quantity: "1", unitPrice: price, ivaRate: "21" }] },
        { userId },
      );
      out.push({ customerId: id, docNumber, total });
    }
  });
  return out;
}
