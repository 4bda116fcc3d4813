import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { salePayments } from "../db/schema/pos";
import { AppError } from "../errors/app-error";

/** A sale with lines and payments, for the ticket print view and the void screen. */
export async function getSale(tx: Tx, saleId: string, actor?: { userId: string; canReview?: boolean }) {
  const [sale] = await tx.execute<{
    id: string;
    ticket_number: number;
    register_name: string;
    afip_point_of_sale: number;
    status: "COMPLETED" | "VOIDED";
    subtotal: string;
    discount: string;
    total: string;
    paid: string;
    change: string;
    fiscal_status: string;
    stock_conflict: boolean;
    created_at: Date;
    cashier_name: string | null;
    customer_name: string | null;
    customer_doc: string | null;
    void_reason: string | null;
    voided_at: Date | null;
    business_name: string;
    fiscal_document_id: string | null;
    credit_note_document_id: string | null;
  }>(sql`
    select s.id, s.ticket_number, r.name as register_name, r.afip_point_of_sale, s.status, s.subtotal, s.discount, s.total,
           s.paid, s.change, s.fiscal_status, s.stock_conflict, s.created_at, u.name as cashier_name,
           c.name as customer_name, c.doc_type || ' ' || c.doc_number as customer_doc, s.void_reason, s.voided_at,
           t.name as business_name, s.fiscal_document_id, s.credit_note_document_id
    from sales s
    join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
    join tenants t on t.id = s.tenant_id
    left join users u on u.id = s.cashier_id
    left join customers c on c.tenant_id = s.tenant_id and c.id = s.customer_id
    where s.id = ${saleId}
      ${actor && !actor.canReview ? sql`and exists (select 1 from cash_sessions cs where cs.tenant_id = s.tenant_id and cs.id = s.cash_session_id and cs.opened_by = ${actor.userId})` : sql``}`);
  // A cashier sees the sales of their own sessions only; another's answers like a missing one.
  if (!sale) throw new AppError("NOT_FOUND", "La venta no existe.");
  const lines = await tx.execute<{
    line_no: number;
    description: string;
    quantity: string;
    unit_price: string;
    discount: string;
    total: string;
    iva_rate: string;
  }>(sql`select line_no, description, quantity, unit_price, discount, total, iva_rate from sale_lines where sale_id = ${saleId} order by line_no`);
  const payments = await tx
    .select({ method: salePayments.method, amount: salePayments.amount, applied: salePayments.applied })
    .from(salePayments)
    .where(eq(salePayments.saleId, saleId))
    .orderBy(salePayments.lineNo);
  return { ...sale, lines: [...lines], payments };
}
