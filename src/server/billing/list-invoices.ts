import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { ZIsoDate } from "@/lib/schemas/billing";
import { ZMoney } from "@/lib/schemas/sale";

export const ZInvoiceQueryInput = z.object({
  customerId: z.uuid().optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  minTotal: ZMoney.optional(),
  maxTotal: ZMoney.optional(),
  cbteTipo: z.number().int().min(1).max(99).optional(),
  number: z.number().int().min(1).max(99_999_999).optional(),
  batchId: z.uuid().optional(),
  status: z.enum(["PENDING", "ISSUED", "REJECTED", "ERROR"]).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TInvoiceQueryInput = z.input<typeof ZInvoiceQueryInput>;

export type InvoiceRow = {
  id: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  status: "PENDING" | "ISSUED" | "REJECTED" | "ERROR";
  cbteTipo: number | null;
  pointOfSale: number;
  number: number | null;
  issueDate: string | null;
  receiverName: string | null;
  receiverDocNumber: string;
  customerId: string | null;
  batchId: string | null;
  total: string;
  cae: string | null;
  lastError: string | null;
};

/** Fiscal documents (POS, checkout and batches) filtered as seed 002's "Consulta de facturas", with totals and simple statistics. */
export async function listInvoices(tx: Tx, raw: TInvoiceQueryInput) {
  const i = ZInvoiceQueryInput.parse(raw);
  const where = sql`where true
    ${i.customerId ? sql`and (d.customer_id = ${i.customerId} or f.receiver_doc_number = (select case when doc_type in ('CUIT','CUIL') then regexp_replace(doc_number, '[^0-9]', '', 'g') else doc_number end from customers where id = ${i.customerId}))` : sql``}
    ${i.from ? sql`and coalesce(f.issue_date, (f.requested_at at time zone reports_tz())::date) >= ${i.from}::date` : sql``}
    ${i.to ? sql`and coalesce(f.issue_date, (f.requested_at at time zone reports_tz())::date) <= ${i.to}::date` : sql``}
    ${i.minTotal ? sql`and f.total >= ${i.minTotal}::numeric` : sql``}
    ${i.maxTotal ? sql`and f.total <= ${i.maxTotal}::numeric` : sql``}
    ${i.cbteTipo ? sql`and f.cbte_tipo = ${i.cbteTipo}` : sql``}
    ${i.number ? sql`and f.number = ${i.number}` : sql``}
    ${i.batchId ? sql`and d.batch_id = ${i.batchId}` : sql``}
    ${i.status ? sql`and f.status = ${i.status}::fiscal_document_status` : sql``}`;
  const from = sql`from fiscal_documents f left join billing_documents d on d.fiscal_document_id = f.id`;
  const rows = await tx.execute<InvoiceRow>(sql`
    select f.id, f.kind, f.status, f.cbte_tipo as "cbteTipo", f.point_of_sale as "pointOfSale", f.number::int as number,
      coalesce(f.issue_date, (f.requested_at at time zone reports_tz())::date)::text as "issueDate", f.receiver_name as "receiverName", f.receiver_doc_number as "receiverDocNumber",
      d.customer_id as "customerId", d.batch_id as "batchId", f.total::text, f.cae, f.last_error as "lastError"
    ${from} ${where}
    order by coalesce(f.issue_date, (f.requested_at at time zone reports_tz())::date) desc, f.number desc nulls first limit ${i.limit}`);
  const [stats] = await tx.execute<{ count: number; total: string; average: string; max: string; issued: number; rejected: number; pending: number }>(sql`
    select count(*)::int as count, coalesce(sum(f.total) filter (where f.kind = 'INVOICE'), 0)::numeric(14,2)::text as total,
      coalesce(avg(f.total), 0)::numeric(14,2)::text as average, coalesce(max(f.total), 0)::numeric(14,2)::text as max,
      count(*) filter (where f.status = 'ISSUED')::int as issued, count(*) filter (where f.status = 'REJECTED')::int as rejected,
      count(*) filter (where f.status in ('PENDING', 'ERROR'))::int as pending
    ${from} ${where}`);
  const byType = await tx.execute<{ cbteTipo: number | null; count: number; total: string }>(sql`
    select f.cbte_tipo as "cbteTipo", count(*)::int as count, sum(f.total)::numeric(14,2)::text as total ${from} ${where} group by f.cbte_tipo order by f.cbte_tipo`);
  return { rows: [...rows], stats: stats!, byType: [...byType] };
}
