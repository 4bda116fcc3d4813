import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { payablePayments } from "../db/schema/purchasing";
import { AppError } from "../errors/app-error";
import { dec, money } from "@/lib/decimal";
import { isoTs, TENANT, tenantToday, type Actor } from "./common";
import { PAYABLE_STATUSES, payableStatusSql, type PayableStatus } from "./payable-status";
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

export const ZSupplierStatementResponse = z.object({
  supplier: z.object({ name: z.string(), cuit: z.string() }),
  opening: z.string(),
  closing: z.string(),
  lines: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(["PAYABLE", "PAYMENT"]),
      description: z.string(),
      debit: z.string(),
      credit: z.string(),
      balance: z.string(),
    }),
  ),
});
export type TSupplierStatementResponse = z.infer<typeof ZSupplierStatementResponse>;

export const ZRecordPaymentResponse = z.object({ paymentId: z.uuid(), balance: z.string() });
export type TRecordPaymentResponse = z.infer<typeof ZRecordPaymentResponse>;

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

export const ZPayableResponse = z.object({
  id: z.uuid(),
  supplierId: z.uuid(),
  supplierName: z.string(),
  reference: z.string().nullable(),
  orderNumber: z.number().int().nullable(),
  amount: z.string(),
  balance: z.string(),
  /** Plain dates (YYYY-MM-DD). */
  issuedOn: z.string(),
  dueOn: z.string(),
  daysToDue: z.number().int(),
  status: z.enum(PAYABLE_STATUSES),
});
export type PayableRow = z.infer<typeof ZPayableResponse>;
export const ZListPayablesResponse = z.object({ today: z.string(), rows: z.array(ZPayableResponse) });
export const ZGetPayableResponse = z.object({
  payable: ZPayableResponse,
  payments: z.array(
    z.object({
      id: z.uuid(),
      amount: z.string(),
      method: z.enum(["CASH", "TRANSFER", "CHECK", "CARD", "OTHER"]),
      reference: z.string().nullable(),
      paidOn: z.string(),
      createdAt: z.string(),
    }),
  ),
});

const payableSelect = (today: string) => sql`
  select p.id, p.supplier_id as "supplierId", s.name as "supplierName", p.reference, o.number as "orderNumber", p.amount, p.balance,
         p.issued_on::text as "issuedOn", p.due_on::text as "dueOn", (p.due_on - ${today}::date) as "daysToDue",
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
      ${opts.supplierId ? sql`and x."supplierId" = ${opts.supplierId}` : sql``}
    order by (x.status = 'PAID'), x."dueOn", x."issuedOn" limit 1000`);
  return { today, rows };
}

export async function getPayable(tx: Tx, id: string, today?: string) {
  const t = today ?? (await tenantToday(tx));
  const [row] = await tx.execute<PayableRow>(sql`select * from (${payableSelect(t)}) x where x.id = ${id}`);
  if (!row) throw new AppError("NOT_FOUND", "La cuenta a pagar no existe.");
  const payments = await tx.execute<z.infer<typeof ZGetPayableResponse>["payments"][number]>(sql`
    select id, amount, method, reference, paid_on::text as "paidOn", ${isoTs(sql`created_at`)} as "createdAt"
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

const ZAgeingBuckets = z.object({
  notDue: z.string(),
  days1To30: z.string(),
  days31To60: z.string(),
  days61To90: z.string(),
  daysOver90: z.string(),
  total: z.string(),
});
export const ZPayablesAgeingResponse = z.object({
  today: z.string(),
  rows: z.array(ZAgeingBuckets.extend({ supplierId: z.uuid(), supplierName: z.string() })),
  totals: ZAgeingBuckets,
});
export type AgeingRow = z.infer<typeof ZPayablesAgeingResponse>["rows"][number];
type AgeingTotals = z.infer<typeof ZAgeingBuckets>;

/** Open balances by supplier in buckets of days past due. */
export async function payablesAgeing(tx: Tx, today?: string): Promise<{ today: string; rows: AgeingRow[]; totals: AgeingTotals }> {
  const t = today ?? (await tenantToday(tx));
  const rows = await tx.execute<AgeingRow>(sql`
    with open as (select supplier_id, balance, (${t}::date - due_on) as late from payables where balance > 0)
    select s.id as "supplierId", s.name as "supplierName",
      coalesce(sum(balance) filter (where late <= 0), 0)::numeric(14,2)::text as "notDue",
      coalesce(sum(balance) filter (where late between 1 and 30), 0)::numeric(14,2)::text as "days1To30",
      coalesce(sum(balance) filter (where late between 31 and 60), 0)::numeric(14,2)::text as "days31To60",
      coalesce(sum(balance) filter (where late between 61 and 90), 0)::numeric(14,2)::text as "days61To90",
      coalesce(sum(balance) filter (where late > 90), 0)::numeric(14,2)::text as "daysOver90",
      sum(balance)::numeric(14,2)::text as total
    from open join suppliers s on s.tenant_id = ${TENANT} and s.id = open.supplier_id
    group by s.id, s.name order by sum(balance) desc`);
  const keys = ["notDue", "days1To30", "days31To60", "days61To90", "daysOver90", "total"] as const;
  const totals = Object.fromEntries(keys.map((k) => [k, money(rows.reduce((a, r) => a.plus(r[k]), dec(0)))])) as AgeingTotals;
  return { today: t, rows, totals };
}
