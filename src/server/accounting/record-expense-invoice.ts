import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";
import { money } from "@/lib/decimal";
import { SUPPLIER_DOC_TYPES, ZSupplierInvoiceInput, type SupplierDocType } from "@/lib/accounting/supplier-invoice";
import { recordSupplierInvoice } from "./record-supplier-invoice";
import { scanPayableAlerts } from "../purchasing/scan-alerts";
import { tenantToday } from "../purchasing/common";

export const ZRecordExpenseInvoiceInput = z.object({
  supplierId: z.uuid("Elegí el proveedor"),
  invoice: ZSupplierInvoiceInput,
});
export type TRecordExpenseInvoiceInput = z.input<typeof ZRecordExpenseInvoiceInput>;

/**
 * A supplier document entered by hand (services, expenses): the invoice and its payable (due =
 * issue date + the supplier's terms) in the caller's transaction. A credit note creates no
 * payable: it is recorded for the books and the VAT book only.
 */
export async function recordExpenseInvoice(tx: Tx, raw: TRecordExpenseInvoiceInput, actor: Actor) {
  const v = ZRecordExpenseInvoiceInput.parse(raw);
  const [supplier] = await tx.execute<{ payment_terms_days: number }>(sql`select payment_terms_days from suppliers where id = ${v.supplierId}`);
  if (!supplier) throw new AppError("NOT_FOUND", "El proveedor no existe.", { field: "supplierId" });
  const isCredit = SUPPLIER_DOC_TYPES[v.invoice.cbteTipo as SupplierDocType].credit;
  let payableId: string | null = null;
  if (!isCredit) {
    const label = SUPPLIER_DOC_TYPES[v.invoice.cbteTipo as SupplierDocType].label;
    const reference = `${label} ${String(v.invoice.pointOfSale).padStart(5, "0")}-${String(v.invoice.number).padStart(8, "0")}`;
    const [p] = await tx.execute<{ id: string }>(sql`
      insert into payables (tenant_id, supplier_id, reference, amount, balance, issued_on, due_on)
      values (${TENANT}, ${v.supplierId}, ${reference}, ${money(v.invoice.total)}, ${money(v.invoice.total)}, ${v.invoice.issueDate},
              ${v.invoice.issueDate}::date + ${supplier.payment_terms_days}::int)
      returning id`);
    payableId = p!.id;
  }
  const invoice = await recordSupplierInvoice(tx, v.invoice, { supplierId: v.supplierId, payableId }, actor);
  if (payableId) await scanPayableAlerts(tx, await tenantToday(tx), payableId);
  return { invoiceId: invoice.id, payableId, total: invoice.total };
}
