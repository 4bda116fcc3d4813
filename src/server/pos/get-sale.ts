import "server-only";
import { z } from "zod";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { salePayments } from "../db/schema/pos";
import { AppError } from "../errors/app-error";

export const ZSaleResponse = z.object({
  id: z.uuid(),
  ticketNumber: z.number().int(),
  registerName: z.string(),
  afipPointOfSale: z.number().int(),
  status: z.enum(["COMPLETED", "VOIDED"]),
  subtotal: z.string(),
  discount: z.string(),
  total: z.string(),
  paid: z.string(),
  change: z.string(),
  fiscalStatus: z.string(),
  stockConflict: z.boolean(),
  /** Timestamps as Postgres sends them through raw SQL (text). */
  createdAt: z.string(),
  cashierName: z.string().nullable(),
  customerName: z.string().nullable(),
  customerDoc: z.string().nullable(),
  voidReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  businessName: z.string(),
  fiscalDocumentId: z.uuid().nullable(),
  creditNoteDocumentId: z.uuid().nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      description: z.string(),
      quantity: z.string(),
      unitPrice: z.string(),
      discount: z.string(),
      total: z.string(),
      ivaRate: z.string(),
    }),
  ),
  payments: z.array(z.object({ method: z.enum(["CASH", "DEBIT", "CREDIT", "TRANSFER"]), amount: z.string(), applied: z.string() })),
});
export type TSaleResponse = z.infer<typeof ZSaleResponse>;

/** A sale with lines and payments, for the ticket print view and the void screen. */
export async function getSale(tx: Tx, saleId: string, actor?: { userId: string; canReview?: boolean }): Promise<TSaleResponse> {
  const [sale] = await tx.execute<Omit<TSaleResponse, "lines" | "payments">>(sql`
    select s.id, s.ticket_number as "ticketNumber", r.name as "registerName", r.afip_point_of_sale as "afipPointOfSale", s.status,
           s.subtotal, s.discount, s.total, s.paid, s.change, s.fiscal_status as "fiscalStatus", s.stock_conflict as "stockConflict",
           s.created_at as "createdAt", u.name as "cashierName", c.name as "customerName",
           c.doc_type || ' ' || c.doc_number as "customerDoc", s.void_reason as "voidReason", s.voided_at as "voidedAt",
           t.name as "businessName", s.fiscal_document_id as "fiscalDocumentId", s.credit_note_document_id as "creditNoteDocumentId"
    from sales s
    join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
    join tenants t on t.id = s.tenant_id
    left join users u on u.id = s.cashier_id
    left join customers c on c.tenant_id = s.tenant_id and c.id = s.customer_id
    where s.id = ${saleId}
      ${actor && !actor.canReview ? sql`and exists (select 1 from cash_sessions cs where cs.tenant_id = s.tenant_id and cs.id = s.cash_session_id and cs.opened_by = ${actor.userId})` : sql``}`);
  // A cashier sees the sales of their own sessions only; another's answers like a missing one.
  if (!sale) throw new AppError("NOT_FOUND", "La venta no existe.");
  const lines = await tx.execute<TSaleResponse["lines"][number]>(sql`
    select line_no as "lineNo", description, quantity, unit_price as "unitPrice", discount, total, iva_rate as "ivaRate"
    from sale_lines where sale_id = ${saleId} order by line_no`);
  const payments = await tx
    .select({ method: salePayments.method, amount: salePayments.amount, applied: salePayments.applied })
    .from(salePayments)
    .where(eq(salePayments.saleId, saleId))
    .orderBy(salePayments.lineNo);
  return { ...sale, lines: [...lines], payments };
}
