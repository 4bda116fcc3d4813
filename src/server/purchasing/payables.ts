import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { payablePayments } from "../db/schema/purchasing";
import { AppError } from "../errors/app-error";
import { dec, money } from "@/lib/decimal";
import { isoTs, TENANT, tenantToday, type Actor } from "./common";
import { payableStatusSql, type PayableStatus } from "./payable-status";
import { zMoney } from "@/lib/schemas/decimal";

export const PAYMENT_METHOD_LABELS = { CASH: "Efectivo", TRANSFER: "Transferencia", CHECK: "Cheque", CARD: "Tarjeta", OTHER: "Otro" } as const;

export const ZRecordPaymentInput = z.object({
  payableId: z.string().uuid(),
  amount: zMoney("Importe", { positive: "El importe debe ser mayor que cero" }),
  method: z.enum(["CASH", "TRANSFER", "CHECK", "CARD", "OTHER"]),
  reference: z.string().trim().max(120).optional().nullable(),
  paidOn: z.iso.date("Fecha inválida").optional().nullable(),
});
export type TRecordPaymentInput = z.input<typeof ZRecordPaymentInput>;

/** A (partial) payment: lowers the balance under a row lock; never below zero. */
export async function recordPayment(tx: Tx, raw: TRecordPaymentInput, actor: Actor): Promise<{ paymentId: string; balance: string }> {
  const v = ZRecordPaymentInput.parse(raw);
  const [p] = await tx.execute<{ balance: string }>(sql`select balance from payables where tenant_id = ${TENANT} and id = ${v.payableId} for update`);
  if (!p) throw new AppError("NOT_FOUND", "La cuenta a pagar no existe.");
  if (dec(p.balance).lte(0)) throw new AppError("INVALID_STATE", "La cuenta ya está pagada.");
  if (dec(v.amount).gt(p.balance))
    throw new AppError("VALIDATION", `El pago supera el saldo pendiente (${money(p.balance)}).`, { field: "amount", balance: p.balance });
  const paidOn = v.paidOn ?? (await tenantToday(tx));
  const [row] = await tx
    .insert(payablePayments)
    .values({ payableId: v.payableId, amount: v.amount, method: v.method, reference: v.reference ?? null, paidOn, createdBy: actor.userId })
    .returning({ id: payablePayments.id });
  const [u] = await tx.execute<{ balance: string }>(
    sql`update payables set balance = balance - ${v.amount}::numeric where id = ${v.payableId} returning balance`,
  );
  return { paymentId: row!.id, balance: u!.balance };
}

export type PayableRow = {
  id: string;
  supplier_id: string;
  supplier_name: string;
  reference: string | null;
  order_number: number | null;
  amount: string;
  balance: string;
  issued_on: string;
  due_on: string;
  days_to_due: number;
  status: PayableStatus;
};

const payableSelect = (today: string) => sql`
  select p.id, p.supplier_id, s.name as supplier_name, p.reference, o.number as order_number, p.amount, p.balance,
         p.issued_on::text as issued_on, p.due_on::text as due_on, (p.due_on - ${today}::date) as days_to_due,
         ${payableStatusSql(sql`p.balance`, sql`p.due_on`, today)} as status
  from payables p
  join suppliers s on s.tenant_id = p.tenant_id and s.id = p.supplier_id
  left join goods_receipts r on r.tenant_id = p.tenant_id and r.id = p.receipt_id
  left join purchase_orders o on o.tenant_id = r.tenant_id and o.id = r.order_id`;

export async function listPayables(
  tx: Tx,
  opts: { status?: PayableStatus | "OPEN"; supplierId?: string; today?: string } = {},
): Promise<{ today: string; rows: PayableRow[] }> {
  const today = opts.today ?? (await tenantToday(tx));
  const rows = await tx.execute<PayableRow>(sql`
    select * from (${payableSelect(today)}) x
    where true
      ${opts.status === "OPEN" ? sql`and x.status <> 'PAID'` : opts.status ? sql`and x.status = ${opts.status}` : sql``}
      ${opts.supplierId ? sql`and x.supplier_id = ${opts.supplierId}` : sql``}
    order by (x.status = 'PAID'), x.due_on, x.issued_on limit 1000`);
  return { today, rows };
}

export async function getPayable(tx: Tx, id: string, today?: string) {
  const t = today ?? (await tenantToday(tx));
  const [row] = await tx.execute<PayableRow>(sql`select * from (${payableSelect(t)}) x where x.id = ${id}`);
  if (!row) throw new AppError("NOT_FOUND", "La cuenta a pagar no existe.");
  const payments = await tx.execute<{ id: string; amount: string; method: keyof typeof PAYMENT_METHOD_LABELS; reference: string | null; paid_on: string; created_at: string }>(sql`
    select id, amount, method, reference, paid_on::text as paid_on, ${isoTs(sql`created_at`)} as created_at
    from payable_payments where payable_id = ${id} order by paid_on, created_at`);
  return { payable: row, payments };
}

export type StatementLine = { date: string; kind: "PAYABLE" | "PAYMENT"; description: string; debit: string; credit: string; balance: string };

/** Supplier statement: payables (debit) and payments (credit) by date with a running balance. */
export async function supplierStatement(tx: Tx, supplierId: string, range: { from?: string; to?: string } = {}) {
  const [s] = await tx.execute<{ name: string; cuit: string }>(sql`select name, cuit from suppliers where id = ${supplierId}`);
  if (!s) throw new AppError("NOT_FOUND", "El proveedor no existe.");
  const from = range.from ?? "0001-01-01";
  const to = range.to ?? "9999-12-31";
  const rows = await tx.execute<{ date: string; kind: "PAYABLE" | "PAYMENT"; description: string; debit: string; credit: string; seq: string }>(sql`
    with moves as (
      select p.issued_on as date, 'PAYABLE' as kind,
             'Recepción' || coalesce(' ' || p.reference, '') || coalesce(' (OC-' || lpad(o.number::text, 6, '0') || ')', '') as description,
             p.amount as debit, 0::numeric as credit, p.created_at as at
      from payables p
      left join goods_receipts r on r.tenant_id = p.tenant_id and r.id = p.receipt_id
      left join purchase_orders o on o.tenant_id = r.tenant_id and o.id = r.order_id
      where p.supplier_id = ${supplierId}
      union all
      select pp.paid_on, 'PAYMENT',
             'Pago ' || case pp.method when 'CASH' then 'en efectivo' when 'TRANSFER' then 'por transferencia' when 'CHECK' then 'con cheque'
                                        when 'CARD' then 'con tarjeta' else '' end || coalesce(' — ' || pp.reference, ''),
             0, pp.amount, pp.created_at
      from payable_payments pp join payables p on p.tenant_id = pp.tenant_id and p.id = pp.payable_id
      where p.supplier_id = ${supplierId}
    )
    select date::text as date, kind, description, debit::numeric(14,2)::text as debit, credit::numeric(14,2)::text as credit,
           (sum(debit - credit) over (order by date, at, kind rows unbounded preceding))::numeric(14,2)::text as seq
    from moves order by date, at, kind`);
  const opening = rows.filter((r) => r.date < from).at(-1)?.seq ?? "0.00";
  const lines: StatementLine[] = rows
    .filter((r) => r.date >= from && r.date <= to)
    .map((r) => ({ date: r.date, kind: r.kind, description: r.description, debit: r.debit, credit: r.credit, balance: r.seq }));
  const closing = lines.at(-1)?.balance ?? opening;
  return { supplier: s, opening, closing, lines };
}

export type AgeingRow = {
  supplier_id: string;
  supplier_name: string;
  not_due: string;
  d1_30: string;
  d31_60: string;
  d61_90: string;
  d90_plus: string;
  total: string;
};

/** Open balances by supplier in buckets of days past due. */
export async function payablesAgeing(tx: Tx, today?: string): Promise<{ today: string; rows: AgeingRow[]; totals: Omit<AgeingRow, "supplier_id" | "supplier_name"> }> {
  const t = today ?? (await tenantToday(tx));
  const rows = await tx.execute<AgeingRow>(sql`
    with open as (select supplier_id, balance, (${t}::date - due_on) as late from payables where balance > 0)
    select s.id as supplier_id, s.name as supplier_name,
      coalesce(sum(balance) filter (where late <= 0), 0)::numeric(14,2)::text as not_due,
      coalesce(sum(balance) filter (where late between 1 and 30), 0)::numeric(14,2)::text as d1_30,
      coalesce(sum(balance) filter (where late between 31 and 60), 0)::numeric(14,2)::text as d31_60,
      coalesce(sum(balance) filter (where late between 61 and 90), 0)::numeric(14,2)::text as d61_90,
      coalesce(sum(balance) filter (where late > 90), 0)::numeric(14,2)::text as d90_plus,
      sum(balance)::numeric(14,2)::text as total
    from open join suppliers s on s.tenant_id = ${TENANT} and s.id = open.supplier_id
    group by s.id, s.name order by sum(balance) desc`);
  const keys = ["not_due", "d1_30", "d31_60", "d61_90", "d90_plus", "total"] as const;
  const totals = Object.fromEntries(keys.map((k) => [k, money(rows.reduce((a, r) => a.plus(r[k]), dec(0)))])) as Omit<AgeingRow, "supplier_id" | "supplier_name">;
  return { today: t, rows, totals };
}
