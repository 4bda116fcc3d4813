import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../db/client";
import { ensureChart } from "./ensure-chart";
import { lockAccounting } from "./export-membership";
import { creditNoteTypes, insertEntries, insertReversals, notJournaled } from "./journal-sql";
import { generateBillingEntries } from "./journal-billing";
import { tenantTimeZone } from "./period";

export { ROUNDING_MAX } from "./journal-sql";

// Journal entries are derived from source documents by set-based statements, one per source
// type. Each statement selects the sources of the period that have no entry yet (`src`), their
// signed lines (`lines`: + debit, − credit, with an event key resolved through the tenant's
// mapping — a scoped mapping, a warehouse or an IVA rate, wins over the default one) and
// inserts one entry per source with its lines. The unique key on (source type, source id,
// role) makes generating twice, or two generations at once, insert nothing more.
//
// Balanced to the cent: when a source's own figures leave a difference of at most ROUNDING_MAX
// (IVA computed per rate from IVA-included prices), it goes to the declared "rounding" account
// on its own line. A larger difference is left visible: the preview lists the entry as
// unbalanced and the export refuses the period.

export type GenerateJournalResult = { created: number };

/**
 * Generates the missing entries of every source document dated in [from, to] (business time
 * zone), plus the originals of sales voided in the period, then the reversals of those voids.
 */
export async function generateJournal(tx: Tx, period: { from: string; to: string }): Promise<GenerateJournalResult> {
  // Entries are inserted only under the tenant's accounting lock: their seq order is then the
  // order exports see them in (export-membership.ts).
  await lockAccounting(tx);
  await ensureChart(tx);
  // A month's lines (~7 per document) are sorted and folded per entry: in memory, not on disk
  // (100,000 documents' lines take ~95 MB to sort; a bigger month spills to disk, still correct).
  await tx.execute(sql`select set_config('work_mem', '128MB', true)`);
  const tz = await tenantTimeZone(tx);
  const lo = sql`((${period.from}::date)::timestamp at time zone ${tz})`;
  const hi = sql`((${period.to}::date + 1)::timestamp at time zone ${tz})`;
  const inPeriod = (col: SQL) => sql`(${col} >= ${lo} and ${col} < ${hi})`;
  const inDays = (col: SQL) => sql`${col} between ${period.from}::date and ${period.to}::date`;
  let created = 0;
  const run = async (q: SQL) => {
    const rows = await tx.execute<{ n: number }>(q);
    created += Number(rows[0]?.n ?? 0);
  };

  // Sales: payments received, net sales and IVA per rate, cost of goods sold.
  await run(
    insertEntries(
      "SALE",
      sql`
      src as (
        select s.id as source_id, (s.created_at at time zone ${tz})::date as entry_date, 'Venta ' || r.name || ' ticket ' || s.ticket_number as description
        from sales s join registers r on r.id = s.register_id
        where (${inPeriod(sql`s.created_at`)} or (s.voided_at is not null and ${inPeriod(sql`s.voided_at`)})) and ${notJournaled("SALE", sql`s.id`, period.from)}
      ),
      s as (
        select s.id as source_id, s.id, s.total, s.subtotal, s.cost_total, s.warehouse_id, d.iva_breakdown,
               coalesce(jsonb_array_length(d.iva_breakdown), 0) > 0 as has_breakdown,
               coalesce(d.cbte_tipo in (11, 12, 13), false)
                 or coalesce((select iva_condition::text from fiscal_settings limit 1) in ('MONOTRIBUTO', 'EXENTO'), false) as no_vat
        from src join sales s on s.id = src.source_id
        left join fiscal_documents d on d.id = s.fiscal_document_id and d.kind = 'INVOICE'
      ),
      rev as (
        select s.source_id, (x->>'rate')::numeric as rate, (x->>'base')::numeric as base, (x->>'amount')::numeric as iva
        from s, jsonb_array_elements(s.iva_breakdown) x where s.has_breakdown
        union all
        select s.source_id, null, s.total, 0 from s where not s.has_breakdown and s.no_vat
        union all
        select g.source_id, g.rate, round(g.gross / (1 + g.rate / 100), 2), g.gross - round(g.gross / (1 + g.rate / 100), 2)
        from (
          select s.source_id, sl.iva_rate as rate, round(sum(sl.total) * s.total / nullif(s.subtotal, 0), 2) as gross
          from s join sale_lines sl on sl.sale_id = s.id
          where not s.has_breakdown and not s.no_vat
          group by s.source_id, sl.iva_rate, s.total, s.subtotal
        ) g where g.gross is not null
      ),
      lines as (
        select s.source_id, 1 as ord, 'payment.' || p.method as key, '' as scope, null::uuid as account_id, sum(p.applied) as amt, 'Cobro'::text as memo
        from s join sale_payments p on p.sale_id = s.id group by s.source_id, p.method
        union all
        -- A sale on account or to a room is owed, not paid: its charge is the receivable.
        select s.source_id, 1, case bc.source when 'ROOM_SALE' then 'payment.ROOM_CHARGE' else 'payment.ACCOUNT' end, '', null, bc.total, 'A cobrar'
        from s join billing_charges bc on bc.sale_id = s.id
        union all
        select source_id, 2, 'sales', coalesce(trim_scale(rate)::text, ''), null, -base, 'Ventas' from rev
        union all
        select source_id, 3, 'vat.debit', coalesce(trim_scale(rate)::text, ''), null, -iva, 'IVA débito fiscal' from rev
        union all
        select source_id, 4, 'cogs', '', null, cost_total, 'Costo de ventas' from s
        union all
        select source_id, 5, 'inventory', warehouse_id::text, null, -cost_total, 'Salida de mercadería' from s
      )`,
    ),
  );

  // Voids after (or in the same period as) the sale: the original's lines, sides swapped.
  await run(
    insertReversals(
      "SALE",
      sql`select s.id as source_id, (s.voided_at at time zone ${tz})::date as entry_date, 'Anulación venta ' || r.name || ' ticket ' || s.ticket_number as description
          from sales s join registers r on r.id = s.register_id
          where s.status = 'VOIDED' and s.voided_at is not null and ${inPeriod(sql`s.voided_at`)}`,
    ),
  );

  // Cash sessions closed with a deviation: the method's account against cash over/short.
  await run(
    insertEntries(
      "CASH_CLOSING",
      sql`
      src as (
        select c.cash_session_id as source_id, (c.declared_at at time zone ${tz})::date as entry_date, 'Diferencia de caja ' || r.name as description
        from cash_session_closings c
        join cash_sessions cs on cs.id = c.cash_session_id
        join registers r on r.id = cs.register_id
        where ${inPeriod(sql`c.declared_at`)} and ${notJournaled("CASH_CLOSING", sql`c.cash_session_id`, period.from)}
          and exists (select 1 from cash_session_closing_lines cl where cl.cash_session_id = c.cash_session_id and cl.deviation <> 0)
      ),
      lines as (
        select src.source_id, 1 as ord, 'payment.' || cl.method as key, '' as scope, null::uuid as account_id, cl.deviation as amt, 'Arqueo ' || cl.method as memo
        from src join cash_session_closing_lines cl on cl.cash_session_id = src.source_id
        union all
        select src.source_id, 2, 'cash.overshort', '', null, -cl.deviation, case when cl.deviation < 0 then 'Faltante de caja' else 'Sobrante de caja' end
        from src join cash_session_closing_lines cl on cl.cash_session_id = src.source_id
      )`,
    ),
  );

  // Supplier documents: goods or expense + IVA crédito fiscal + percepciones against the supplier.
  await run(
    insertEntries(
      "SUPPLIER_INVOICE",
      sql`
      src as (
        select i.id as source_id, i.issue_date as entry_date,
               'Comprobante ' || i.cbte_tipo || ' ' || lpad(i.point_of_sale::text, 5, '0') || '-' || lpad(i.number::text, 8, '0') || ' ' || i.supplier_name as description
        from supplier_invoices i
        where ${inDays(sql`i.issue_date`)} and ${notJournaled("SUPPLIER_INVOICE", sql`i.id`, period.from)}
      ),
      si as (
        select src.source_id, i.*, case when i.cbte_tipo in ${creditNoteTypes} then -1 else 1 end as sg
        from src join supplier_invoices i on i.id = src.source_id
      ),
      lines as (
        select source_id, 1 as ord,
               case when expense_account_id is null and receipt_id is not null then 'inventory' else 'expense.default' end as key,
               '' as scope, expense_account_id as account_id, sg * (net_taxed + exempt + non_taxed) as amt, 'Compra'::text as memo
        from si
        union all
        select si.source_id, 2, 'vat.credit', trim_scale(v.rate)::text, null, si.sg * v.vat, 'IVA crédito fiscal'
        from si join supplier_invoice_vat v on v.invoice_id = si.id
        union all
        select si.source_id, 3, 'perception.' || p.kind, '', null, si.sg * p.amount, left('Percepción ' || p.kind || coalesce(' ' || p.jurisdiction, ''), 120)
        from si join supplier_invoice_perceptions p on p.invoice_id = si.id
        union all
        select source_id, 4, 'suppliers', '', null, -sg * total, 'Proveedor' from si
      )`,
    ),
  );

  // Goods received without the supplier's invoice: inventory against the supplier at cost.
  await run(
    insertEntries(
      "GOODS_RECEIPT",
      sql`
      src as (
        select g.id as source_id, g.received_on as entry_date, 'Recepción de ' || sp.name || coalesce(' ' || g.reference, '') as description
        from goods_receipts g join suppliers sp on sp.id = g.supplier_id
        where ${inDays(sql`g.received_on`)} and ${notJournaled("GOODS_RECEIPT", sql`g.id`, period.from)}
          and not exists (select 1 from supplier_invoices i where i.receipt_id = g.id)
      ),
      lines as (
        select src.source_id, 1 as ord, 'inventory' as key, '' as scope, null::uuid as account_id, g.total as amt, 'Mercadería recibida'::text as memo
        from src join goods_receipts g on g.id = src.source_id
        union all
        select src.source_id, 2, 'suppliers', '', null, -g.total, 'Proveedor' from src join goods_receipts g on g.id = src.source_id
      )`,
    ),
  );

  // Payments to suppliers.
  await run(
    insertEntries(
      "PAYABLE_PAYMENT",
      sql`
      src as (
        select pp.id as source_id, pp.paid_on as entry_date, 'Pago a ' || sp.name || coalesce(' ' || pp.reference, '') as description
        from payable_payments pp join payables p on p.id = pp.payable_id join suppliers sp on sp.id = p.supplier_id
        where ${inDays(sql`pp.paid_on`)} and ${notJournaled("PAYABLE_PAYMENT", sql`pp.id`, period.from)}
      ),
      lines as (
        select src.source_id, 1 as ord, 'suppliers' as key, '' as scope, null::uuid as account_id, pp.amount as amt, 'Proveedor'::text as memo
        from src join payable_payments pp on pp.id = src.source_id
        union all
        select src.source_id, 2, 'payable.' || pp.method, '', null, -pp.amount, 'Pago ' || pp.method from src join payable_payments pp on pp.id = src.source_id
      )`,
    ),
  );

  // Stock count adjustments (AUDIT movements), one entry per applied operation.
  await run(
    insertEntries(
      "STOCK_ADJUSTMENT",
      sql`
      src as (
        select m.operation_id as source_id, min((m.created_at at time zone ${tz})::date) as entry_date, 'Ajuste de inventario por conteo' as description
        from stock_movements m
        where m.type = 'AUDIT' and ${inPeriod(sql`m.created_at`)} and ${notJournaled("STOCK_ADJUSTMENT", sql`m.operation_id`, period.from)}
        group by m.operation_id
      ),
      v as (
        select src.source_id, m.warehouse_id, round(sum(m.quantity * m.unit_cost), 2) as value
        from src join stock_movements m on m.operation_id = src.source_id and m.type = 'AUDIT'
        group by src.source_id, m.warehouse_id
      ),
      lines as (
        select source_id, 1 as ord, 'inventory' as key, warehouse_id::text as scope, null::uuid as account_id, value as amt, 'Inventario'::text as memo from v
        union all
        select source_id, 2, 'inventory.adjustment', '', null, -value, 'Diferencia de inventario' from v
      )`,
    ),
  );

  // Billing: charges on account or to a room, customers' collections, checkouts paid at the desk.
  created += await generateBillingEntries(tx, { tz, lo, hi, from: period.from, to: period.to });

  return { created };
}
