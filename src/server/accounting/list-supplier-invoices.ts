import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";

export const ZListSupplierInvoicesInput = z.object({ from: z.iso.date(), to: z.iso.date(), supplierId: z.uuid().optional().nullable() });
export const ZListSupplierInvoicesResponse = z.array(
  z.object({
    id: z.uuid(), cbteTipo: z.number(), pointOfSale: z.number(), number: z.number(), issueDate: z.string(), supplierName: z.string(),
    supplierCuit: z.string(), netTaxed: z.string(), vatTotal: z.string(), perceptionsTotal: z.string(), total: z.string(), withReceipt: z.boolean(),
  }),
);
export type TListSupplierInvoicesResponse = z.infer<typeof ZListSupplierInvoicesResponse>;

export async function listSupplierInvoices(tx: Tx, input: z.infer<typeof ZListSupplierInvoicesInput>): Promise<TListSupplierInvoicesResponse> {
  const rows = await tx.execute<{
    id: string; cbte_tipo: number; point_of_sale: number; number: string; issue_date: string; supplier_name: string; supplier_cuit: string;
    net_taxed: string; vat_total: string; perceptions_total: string; total: string; with_receipt: boolean;
  }>(sql`
    select id, cbte_tipo, point_of_sale, number::text as number, issue_date::text as issue_date, supplier_name, supplier_cuit,
           net_taxed, vat_total, perceptions_total, total, receipt_id is not null as with_receipt
    from supplier_invoices
    where issue_date between ${input.from}::date and ${input.to}::date
      ${input.supplierId ? sql`and supplier_id = ${input.supplierId}` : sql``}
    order by issue_date desc, supplier_name limit 500`);
  return rows.map((r) => ({
    id: r.id, cbteTipo: r.cbte_tipo, pointOfSale: r.point_of_sale, number: Number(r.number), issueDate: r.issue_date,
    supplierName: r.supplier_name, supplierCuit: r.supplier_cuit, netTaxed: r.net_taxed, vatTotal: r.vat_total,
    perceptionsTotal: r.perceptions_total, total: r.total, withReceipt: r.with_receipt,
  }));
}
