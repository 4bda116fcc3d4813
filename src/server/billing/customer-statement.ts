import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { Decimal, money } from "@/lib/decimal";
import { tenantToday } from "../purchasing/common";

export type ReceivableStatus = "PAID" | "CURRENT" | "DUE_SOON" | "OVERDUE";
export type StatementInvoice = { id: string; label: string; issueDate: string; dueDate: string; total: string; open: string; status: ReceivableStatus; daysOverdue: number };
export type StatementEntry = { date: string; kind: "INVOICE" | "COLLECTION"; id: string; label: string; debit: string; credit: string; balance: string };
export const AGEING_BUCKETS = ["CURRENT", "D1_30", "D31_60", "D61_90", "D90_PLUS"] as const;

const CBTE_LABEL: Record<number, string> = { 1: "Factura A", 6: "Factura B", 11: "Factura C" };
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const ZCustomerStatementResponse = z.object({
  customer: z.object({
    id: z.uuid(),
    name: z.string(),
    docType: z.string(),
    docNumber: z.string(),
    creditLimit: z.string(),
    paymentTermsDays: z.number(),
    accountEnabled: z.boolean(),
  }),
  today: z.string(),
  entries: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(["INVOICE", "COLLECTION"]),
      id: z.uuid(),
      label: z.string(),
      debit: z.string(),
      credit: z.string(),
      balance: z.string(),
    }),
  ),
  invoices: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      issueDate: z.string(),
      dueDate: z.string(),
      total: z.string(),
      open: z.string(),
      status: z.enum(["CURRENT", "DUE_SOON", "OVERDUE", "PAID"]),
      daysOverdue: z.number(),
    }),
  ),
  balance: z.string(),
  unapplied: z.string(),
  uninvoiced: z.string(),
  ageing: z.object({ CURRENT: z.string(), D1_30: z.string(), D31_60: z.string(), D61_90: z.string(), D90_PLUS: z.string() }),
});
export type TCustomerStatementResponse = z.infer<typeof ZCustomerStatementResponse>;

/** Invoices issued to the customer from batches, oldest due first, with what is still open after collections (applied oldest first). */
export async function receivables(tx: Tx, customerId: string, today: string) {
  const invoices = await tx.execute<{ id: string; cbte_tipo: number; point_of_sale: number; number: number; issue_date: string; due_date: string; total: string }>(sql`
    select d.id, f.cbte_tipo, f.point_of_sale, f.number::int as number, d.issue_date::text, d.due_date::text, d.total::text
    from billing_documents d join fiscal_documents f on f.id = d.fiscal_document_id
    where d.customer_id = ${customerId} and f.status = 'ISSUED'
    order by d.due_date, d.issue_date, f.number`);
  const [paid] = await tx.execute<{ total: string }>(sql`select coalesce(sum(amount), 0)::text as total from customer_collections where customer_id = ${customerId}`);
  let left = new Decimal(paid!.total);
  const out: StatementInvoice[] = invoices.map((i) => {
    const take = Decimal.min(left, i.total);
    left = left.minus(take);
    const open = new Decimal(i.total).minus(take);
    const overdue = days(i.due_date, today);
    const status: ReceivableStatus = open.isZero() ? "PAID" : overdue > 0 ? "OVERDUE" : overdue >= -7 ? "DUE_SOON" : "CURRENT";
    return {
      id: i.id,
      label: `${CBTE_LABEL[i.cbte_tipo] ?? `Tipo ${i.cbte_tipo}`} ${pad(i.point_of_sale, 5)}-${pad(i.number, 8)}`,
      issueDate: i.issue_date,
      dueDate: i.due_date,
      total: i.total,
      open: money(open),
      status,
      daysOverdue: Math.max(overdue, 0),
    };
  });
  return { invoices: out, unapplied: money(left) };
}

/** The account statement: invoices and collections in date order with a running balance, ageing and uninvoiced charges. */
export async function customerStatement(tx: Tx, customerId: string, opts: { today?: string } = {}) {
  const [c] = await tx.execute<{ id: string; name: string; doc_type: string; doc_number: string; credit_limit: string; payment_terms_days: number; account_enabled: boolean }>(
    sql`select id, name, doc_type, doc_number, credit_limit::text, payment_terms_days, account_enabled from customers where id = ${customerId}`,
  );
  if (!c) throw new AppError("NOT_FOUND", "El cliente no existe.");
  const today = opts.today ?? (await tenantToday(tx));
  const { invoices, unapplied } = await receivables(tx, customerId, today);
  const collections = await tx.execute<{ id: string; received_on: string; method: string; amount: string; reference: string | null }>(sql`
    select id, received_on::text, method, amount::text, reference from customer_collections where customer_id = ${customerId} order by received_on, created_at`);
  const METHOD: Record<string, string> = { CASH: "efectivo", TRANSFER: "transferencia", DEBIT: "débito", CREDIT: "crédito", CHECK: "cheque" };
  const raw = [
    ...invoices.map((i) => ({ date: i.issueDate, order: 0, kind: "INVOICE" as const, id: i.id, label: i.label, debit: i.total, credit: "0.00" })),
    ...collections.map((p) => ({
      date: p.received_on,
      order: 1,
      kind: "COLLECTION" as const,
      id: p.id,
      label: `Cobro en ${METHOD[p.method] ?? p.method}${p.reference ? ` (${p.reference})` : ""}`,
      debit: "0.00",
      credit: p.amount,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  let balance = new Decimal(0);
  const entries: StatementEntry[] = raw.map(({ order: _o, ...e }) => {
    balance = balance.plus(e.debit).minus(e.credit);
    return { ...e, balance: money(balance) };
  });
  const ageing = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, new Decimal(0)])) as Record<(typeof AGEING_BUCKETS)[number], Decimal>;
  for (const i of invoices) {
    if (i.status === "PAID") continue;
    const b = i.daysOverdue === 0 ? "CURRENT" : i.daysOverdue <= 30 ? "D1_30" : i.daysOverdue <= 60 ? "D31_60" : i.daysOverdue <= 90 ? "D61_90" : "D90_PLUS";
    ageing[b] = ageing[b].plus(i.open);
  }
  const [u] = await tx.execute<{ total: string }>(sql`
    select coalesce(sum(total), 0)::numeric(14,2)::text as total from billing_charges where customer_id = ${customerId} and status in ('PENDING', 'INVOICING')`);
  return {
    customer: { id: c.id, name: c.name, docType: c.doc_type, docNumber: c.doc_number, creditLimit: c.credit_limit, paymentTermsDays: c.payment_terms_days, accountEnabled: c.account_enabled },
    today,
    entries,
    invoices,
    balance: money(balance),
    unapplied,
    uninvoiced: u!.total,
    ageing: Object.fromEntries(AGEING_BUCKETS.map((b) => [b, money(ageing[b])])) as Record<(typeof AGEING_BUCKETS)[number], string>,
  };
}
