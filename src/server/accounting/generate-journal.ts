import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";
import { ensureChart } from "./ensure-chart";
import { tenantTimeZone } from "./period";

// Journal entries are derived from source documents by set-based statements, one per source
// type: an entry is inserted only if (source type, source id, role) has none yet (unique key),
// so generating a period twice, or two generations at once, never duplicates. Every line is a
// signed amount (+ debit, − credit) with an event key resolved through the tenant's mapping
// (a scoped mapping — a warehouse, an IVA rate — wins over the default one).
//
// Balanced to the cent: when a source's own figures leave a difference of at most ROUNDING_MAX
// (IVA computed per rate from IVA-included prices), it goes to the declared "rounding" account
// on its own line. A larger difference is left visible: the preview lists the entry as
// unbalanced and the export refuses the period.

export const ROUNDING_MAX = "0.05";

/** The signed lines of the entries a statement just inserted (`ins`), in SQL. */
type LinesSql = SQL;

const credit = sql`(3, 8, 13, 53)`;

function insertLines(lines: LinesSql): SQL {
  return sql`
    insert into journal_lines (tenant_id, entry_id, line_no, account_id, debit, credit, memo)
    select ${TENANT}, l.entry_id,
           row_number() over (partition by l.entry_id order by l.ord, l.key, l.scope),
           coalesce(l.account_id, ms.account_id, md.account_id),
           greatest(l.amt, 0), greatest(-l.amt, 0), l.memo
    from (${lines}) l
    left join account_mappings ms on ms.key = l.key and ms.scope = l.scope and l.scope <> ''
    left join account_mappings md on md.key = l.key and md.scope = ''
    where l.amt <> 0`;
}

export type GenerateJournalResult = { created: number };

/**
 * Generates the missing entries of every source document dated in [from, to] (business time
 * zone), plus the originals of sales voided in the period, then the reversals of those voids.
 */
export async function generateJournal(tx: Tx, period: { from: string; to: string }): Promise<GenerateJournalResult> {
  await ensureChart(tx);
  const tz = await tenantTimeZone(tx);
  const lo = sql`((${period.from}::date)::timestamp at time zone ${tz})`;
  const hi = sql`((${period.to}::date + 1)::timestamp at time zone ${tz})`;
  const inPeriod = (col: SQL) => sql`(${col} >= ${lo} and ${col} < ${hi})`;
  let created = 0;
  const run = async (q: SQL) => {
    const rows = await tx.execute<{ n: number }>(q);
    created += Number(rows[0]?.n ?? 0);
  };

  // Sales: payments received, net sales and IVA per rate, cost of goods sold.
  await run(sql`
    with ins as (
      insert into journal_entries (tenant_id, source_type, source_id, role, entry_date, description)
      select ${TENANT}, 'SALE', s.id, 'ORIGINAL', (s.created_at at time zone ${tz})::date,
             left('Venta ' || r.name || ' ticket ' || s.ticket_number, 200)
      from sales s join registers r on r.id = s.register_id
      where ${inPeriod(sql`s.created_at`)} or (s.voided_at is not null and ${inPeriod(sql`s.voided_at`)})
      on conflict (tenant_id, source_type, source_id, role) do nothing
      returning id, source_id
    ),
    s as (
      select ins.id as entry_id, s.id, s.total, s.subtotal, s.cost_total, s.warehouse_id,
             d.iva_breakdown, d.cbte_tipo,
             coalesce(jsonb_array_length(d.iva_breakdown), 0) > 0 as has_breakdown,
             coalesce(d.cbte_tipo in (11, 12, 13), false)
               or coalesce((select iva_condition::text from fiscal_settings limit 1) in ('MONOTRIBUTO', 'EXENTO'), false) as no_vat
      from ins join sales s on s.id = ins.source_id
      left join fiscal_documents d on d.id = s.fiscal_document_id and d.kind = 'INVOICE'
    ),
    rev as (
      select s.entry_id, (x->>'rate')::numeric as rate, (x->>'base')::numeric as base, (x->>'amount')::numeric as iva
      from s, jsonb_array_elements(s.iva_breakdown) x where s.has_breakdown
      union all
      select s.entry_id, null, s.total, 0 from s where not s.has_breakdown and s.no_vat
      union all
      select g.entry_id, g.rate, round(g.gross / (1 + g.rate / 100), 2), g.gross - round(g.gross / (1 + g.rate / 100), 2)
      from (
        select s.entry_id, sl.iva_rate as rate, round(sum(sl.total) * s.total / nullif(s.subtotal, 0), 2) as gross
        from s join sale_lines sl on sl.sale_id = s.id
        where not s.has_breakdown and not s.no_vat
        group by s.entry_id, sl.iva_rate, s.total, s.subtotal
      ) g where g.gross is not null
    ),
    n as (select count(*)::int as n from ins),
    lines as (
      select s.entry_id, 1 as ord, 'payment.' || p.method as key, '' as scope, null::uuid as account_id, sum(p.applied) as amt, 'Cobro'::text as memo
      from s join sale_payments p on p.sale_id = s.id group by s.entry_id, p.method
      union all
      select entry_id, 2, 'sales', coalesce(trim_scale(rate)::text, ''), null, -base, 'Ventas' from rev
      union all
      select entry_id, 3, 'vat.debit', coalesce(trim_scale(rate)::text, ''), null, -iva, 'IVA débito fiscal' from rev
      union all
      select entry_id, 4, 'cogs', '', null, cost_total, 'Costo de ventas' from s
      union all
      select entry_id, 5, 'inventory', warehouse_id::text, null, -cost_total, 'Salida de mercadería' from s
    ),
    w as (${insertLines(sql`select * from lines`)})
    select n from n`);

  // Voids after (or in the same period as) the sale: the original's lines, sides swapped.
  await run(sql`
    with ins as (
      insert into journal_entries (tenant_id, source_type, source_id, role, entry_date, description)
      select ${TENANT}, 'SALE', s.id, 'REVERSAL', (s.voided_at at time zone ${tz})::date,
             left('Anulación venta ' || r.name || ' ticket ' || s.ticket_number, 200)
      from sales s join registers r on r.id = s.register_id
      where s.status = 'VOIDED' and s.voided_at is not null and ${inPeriod(sql`s.voided_at`)}
        and exists (select 1 from journal_entries o where o.source_type = 'SALE' and o.source_id = s.id and o.role = 'ORIGINAL')
      on conflict (tenant_id, source_type, source_id, role) do nothing
      returning id, source_id
    ),
    w as (
      insert into journal_lines (tenant_id, entry_id, line_no, account_id, debit, credit, memo)
      select ${TENANT}, ins.id, l.line_no, l.account_id, l.credit, l.debit, l.memo
      from ins
      join journal_entries o on o.source_type = 'SALE' and o.source_id = ins.source_id and o.role = 'ORIGINAL'
      join journal_lines l on l.entry_id = o.id
    )
    select count(*)::int as n from ins`);

  // Cash sessions closed with a deviation: the method's account against cash over/short.
  await run(sql`
    with ins as (
      insert into journal_entries (tenant_id, source_type, source_id, role, entry_date, description)
      select ${TENANT}, 'CASH_CLOSING', c.cash_session_id, 'ORIGINAL', (c.declared_at at time zone ${tz})::date,
             left('Diferencia de caja ' || r.name, 200)
      from cash_session_closings c
      join cash_sessions cs on cs.id = c.cash_session_id
      join registers r on r.id = cs.register_id
      where ${inPeriod(sql`c.declared_at`)}
        and exists (select 1 from cash_session_closing_lines cl where cl.cash_session_id = c.cash_session_id and cl.deviation <> 0)
      on conflict (tenant_id, source_type, source_id, role) do nothing
      returning id, source_id
    ),
    lines as (
      select ins.id as entry_id, 1 as ord, 'payment.' || cl.method as key, '' as scope, null::uuid as account_id, cl.deviation as amt,
             'Arqueo ' || cl.method as memo
      from ins join cash_session_closing_lines cl on cl.cash_session_id = ins.source_id
      union all
      select ins.id, 2, 'cash.overshort', '', null, -cl.deviation, case when cl.deviation < 0 then 'Faltante de caja' else 'Sobrante de caja' end
      from ins join cash_session_closing_lines cl on cl.cash_session_id = ins.source_id
    ),
    w as (${insertLines(sql`select * from lines`)})
    select count(*)::int as n from ins`);

  // Supplier documents: goods or expense + IVA crédito fiscal + percepciones against the supplier.
  await run(sql`
    with ins as (
      insert into journal_entries (tenant_id, source_type, source_id, role, entry_date, description)
      select ${TENANT}, 'SUPPLIER_INVOICE', i.id, 'ORIGINAL', i.issue_date,
             left('Comprobante ' || i.cbte_tipo || ' ' || lpad(i.point_of_sale::text, 5, '0') || '-' || lpad(i.number::text, 8, '0') || ' ' || i.supplier_name, 200)
      from supplier_invoices i
      where i.issue_date between ${period.from}::date and ${period.to}::date
      on conflict (tenant_id, source_type, source_id, role) do nothing
      returning id, source_id
    ),
    si as (
      select ins.id as entry_id, i.*, case when i.cbte_tipo in ${credit} then -1 else 1 end as sg
      from ins join supplier_invoices i on i.id = ins.source_id
    ),
    lines as (
      select entry_id, 1 as ord,
             case when expense_account_id is null and receipt_id is not null then 'inventory' else 'expense.default' end as key,
             '' as scope, expense_account_id as account_id, sg * (net_taxed + exempt + non_taxed) as amt, 'Compra'::text as memo
      from si
      union all
      select si.entry_id, 2, 'vat.credit', trim_scale(v.rate)::text, null, si.sg * v.vat, 'IVA crédito fiscal'
      from si join supplier_invoice_vat v on v.invoice_id = si.id
      union all
      select si.entry_id, 3, 'perception.' || p.kind, '', null, si.sg * p.amount, left('Percepción ' || p.kind || coalesce(' ' || p.jurisdiction, ''), 120)
      from si join supplier_invoice_perceptions p on p.invoice_id = si.id
      union all
      select entry_id, 4, 'suppliers', '', null, -sg * total, 'Proveedor' from si
    ),
    w as (${insertLines(sql`select * from lines`)})
    select count(*)::int as n from ins`);

  // Goods received without the supplier's invoice: inventory against the supplier at cost.
  await run(sql`
    with ins as (
      insert into journal_entries (tenant_id, source_type, source_id, role, entry_date, description)
      select ${TENANT}, 'GOODS_RECEIPT', g.id, 'ORIGINAL', g.received_on, left('Recepción de ' || sp.name || coalesce(' ' || g.reference, ''), 200)
      from goods_receipts g join suppliers sp on sp.id = g.supplier_id
      where g.received_on between ${period.from}::date and ${period.to}::date
        and not exists (select 1 from supplier_invoices i where i.receipt_id = g.id)
      on conflict (tenant_id, source_type, source_id, role) do nothing
      returning id, source_id
    ),
    lines as (
      select ins.id as entry_id, 1 as ord, 'inventory' as key, '' as scope, null::uuid as account_id, g.total as amt, 'Mercadería recibida'::text as memo
      from ins join goods_receipts g on g.id = ins.source_id
      union all
      select ins.id, 2, 'suppliers', '', null, -g.total, 'Proveedor' from ins join goods_receipts g on g.id = ins.source_id
    ),
    w as (${insertLines(sql`select * from lines`)})
    select count(*)::int as n from ins`);

  // Payments to suppliers.
  await run(sql`
    with ins as (
      insert into journal_entries (tenant_id, source_type, source_id, role, entry_date, description)
      select ${TENANT}, 'PAYABLE_PAYMENT', pp.id, 'ORIGINAL', pp.paid_on, left('Pago a ' || sp.name || coalesce(' ' || pp.reference, ''), 200)
      from payable_payments pp join payables p on p.id = pp.payable_id join suppliers sp on sp.id = p.supplier_id
      where pp.paid_on between ${period.from}::date and ${period.to}::date
      on conflict (tenant_id, source_type, source_id, role) do nothing
      returning id, source_id
    ),
    lines as (
      select ins.id as entry_id, 1 as ord, 'suppliers' as key, '' as scope, null::uuid as account_id, pp.amount as amt, 'Proveedor'::text as memo
      from ins join payable_payments pp on pp.id = ins.source_id
      union all
      select ins.id, 2, 'payable.' || pp.method, '', null, -pp.amount, 'Pago ' || pp.method from ins join payable_payments pp on pp.id = ins.source_id
    ),
    w as (${insertLines(sql`select * from lines`)})
    select count(*)::int as n from ins`);

  // Stock count adjustments (AUDIT movements), one entry per applied operation.
  await run(sql`
    with ins as (
      insert into journal_entries (tenant_id, source_type, source_id, role, entry_date, description)
      select ${TENANT}, 'STOCK_ADJUSTMENT', m.operation_id, 'ORIGINAL', min((m.created_at at time zone ${tz})::date), 'Ajuste de inventario por conteo'
      from stock_movements m
      where m.type = 'AUDIT' and ${inPeriod(sql`m.created_at`)}
      group by m.operation_id
      on conflict (tenant_id, source_type, source_id, role) do nothing
      returning id, source_id
    ),
    v as (
      select ins.id as entry_id, m.warehouse_id, round(sum(m.quantity * m.unit_cost), 2) as value
      from ins join stock_movements m on m.operation_id = ins.source_id and m.type = 'AUDIT'
      group by ins.id, m.warehouse_id
    ),
    lines as (
      select entry_id, 1 as ord, 'inventory' as key, warehouse_id::text as scope, null::uuid as account_id, value as amt, 'Inventario'::text as memo from v
      union all
      select entry_id, 2, 'inventory.adjustment', '', null, -value, 'Diferencia de inventario' from v
    ),
    w as (${insertLines(sql`select * from lines`)})
    select count(*)::int as n from ins`);

  // Rounding to the declared account, on the entries this transaction created.
  await tx.execute(sql`
    insert into journal_lines (tenant_id, entry_id, line_no, account_id, debit, credit, memo)
    select ${TENANT}, d.entry_id, d.max_line + 1,
           (select account_id from account_mappings where key = 'rounding' and scope = ''),
           greatest(-d.diff, 0), greatest(d.diff, 0), 'Redondeo'
    from (
      select l.entry_id, sum(l.debit - l.credit) as diff, max(l.line_no) as max_line
      from journal_entries e join journal_lines l on l.entry_id = e.id
      where e.export_id is null and e.created_at = now()
      group by l.entry_id
    ) d
    where d.diff <> 0 and abs(d.diff) <= ${ROUNDING_MAX}::numeric`);

  return { created };
}
