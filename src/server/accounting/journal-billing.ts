import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../db/client";
import { insertEntries, insertReversals, notJournaled } from "./journal-sql";

// Billing's sources of journal entries (issue 18 §3, "receivable collection"):
// - a POS sale on account or to a room is journaled with its sale (generate-journal.ts): the
//   receivable stands in for the payment;
// - a manual charge (a room night, a service on account) is revenue when it is recorded:
//   receivable against net sales and IVA per rate; cancelled or voided later, it is reversed;
// - a collection from a customer: the money's account against the receivable;
// - a folio paid at the desk at checkout: the money's accounts against the room receivable.
// Invoicing a charge (a billing batch) moves no money and recognises nothing new.

type Window = { tz: string; lo: SQL; hi: SQL; from: string; to: string };

export async function generateBillingEntries(tx: Tx, w: Window): Promise<number> {
  const inPeriod = (col: SQL) => sql`(${col} >= ${w.lo} and ${col} < ${w.hi})`;
  const inDays = (col: SQL) => sql`${col} between ${w.from}::date and ${w.to}::date`;
  let created = 0;
  const run = async (q: SQL) => {
    const rows = await tx.execute<{ n: number }>(q);
    created += Number(rows[0]?.n ?? 0);
  };

  // Manual charges: recorded in the period, or undone in it (the original comes first).
  await run(
    insertEntries(
      "CHARGE",
      sql`
      src as (
        select c.id as source_id, (c.created_at at time zone ${w.tz})::date as entry_date,
               case when c.folio_id is not null then 'Cargo a habitación ' || f.room_number || ': ' else 'Cargo en cuenta ' || cu.name || ': ' end || c.description as description
        from billing_charges c
        left join folios f on f.id = c.folio_id
        left join customers cu on cu.id = c.customer_id
        where c.source = 'MANUAL'
          and (${inPeriod(sql`c.created_at`)} or (c.status in ('CANCELLED', 'VOIDED') and ${inPeriod(sql`c.changed_at`)}))
          and ${notJournaled("CHARGE", sql`c.id`, w.from)}
      ),
      c as (
        select src.source_id, c.folio_id, c.total, c.lines,
               coalesce((select iva_condition::text from fiscal_settings limit 1) in ('MONOTRIBUTO', 'EXENTO'), false) as no_vat
        from src join billing_charges c on c.id = src.source_id
      ),
      rev as (
        select g.source_id, g.rate, round(g.gross / (1 + g.rate / 100), 2) as base, g.gross - round(g.gross / (1 + g.rate / 100), 2) as iva
        from (
          select c.source_id, (l->>'ivaRate')::numeric as rate, sum((l->>'lineTotal')::numeric) as gross
          from c, jsonb_array_elements(c.lines) l where not c.no_vat
          group by c.source_id, (l->>'ivaRate')::numeric
        ) g
        union all
        select c.source_id, null, c.total, 0 from c where c.no_vat
      ),
      lines as (
        select source_id, 1 as ord, case when folio_id is not null then 'payment.ROOM_CHARGE' else 'payment.ACCOUNT' end as key, '' as scope,
               null::uuid as account_id, total as amt, 'A cobrar'::text as memo
        from c
        union all
        select source_id, 2, 'sales', coalesce(trim_scale(rate)::text, ''), null, -base, 'Ventas' from rev
        union all
        select source_id, 3, 'vat.debit', coalesce(trim_scale(rate)::text, ''), null, -iva, 'IVA débito fiscal' from rev
      )`,
    ),
  );
  await run(
    insertReversals(
      "CHARGE",
      sql`select c.id as source_id, (c.changed_at at time zone ${w.tz})::date as entry_date,
                 case c.status when 'VOIDED' then 'Anulación cargo: ' else 'Cancelación cargo: ' end || c.description as description
          from billing_charges c
          where c.source = 'MANUAL' and c.status in ('CANCELLED', 'VOIDED') and ${inPeriod(sql`c.changed_at`)}`,
    ),
  );

  // Collections: the money received against the customer's account.
  await run(
    insertEntries(
      "COLLECTION",
      sql`
      src as (
        select k.id as source_id, k.received_on as entry_date, 'Cobranza ' || cu.name || coalesce(' ' || k.reference, '') as description
        from customer_collections k join customers cu on cu.id = k.customer_id
        where ${inDays(sql`k.received_on`)} and ${notJournaled("COLLECTION", sql`k.id`, w.from)}
      ),
      lines as (
        select src.source_id, 1 as ord, 'collection.' || k.method as key, '' as scope, null::uuid as account_id, k.amount as amt, 'Cobranza ' || k.method as memo
        from src join customer_collections k on k.id = src.source_id
        union all
        select src.source_id, 2, 'customers', '', null, -k.amount, 'Deudores por ventas' from src join customer_collections k on k.id = src.source_id
      )`,
    ),
  );

  // Folios paid at checkout: the cash movements checkout wrote in the same transaction (same
  // now(), same session) per method, against the room charges they settle.
  await run(
    insertEntries(
      "CHECKOUT",
      sql`
      src as (
        select f.id as source_id, (f.closed_at at time zone ${w.tz})::date as entry_date, 'Checkout habitación ' || f.room_number || ' (' || f.guest_name || ')' as description
        from folios f
        where f.status = 'CLOSED_PAID' and ${inPeriod(sql`f.closed_at`)} and ${notJournaled("CHECKOUT", sql`f.id`, w.from)}
          and exists (select 1 from cash_movements m where m.type = 'MANUAL_IN' and m.created_at = f.closed_at and m.created_by = f.closed_by
                        and m.reason like 'Checkout folio hab. %')
      ),
      paid as (
        select src.source_id, m.method, sum(m.amount) as amount
        from src join folios f on f.id = src.source_id
        join cash_movements m on m.type = 'MANUAL_IN' and m.created_at = f.closed_at and m.created_by = f.closed_by
                             and m.reason like 'Checkout folio hab. %'
        group by src.source_id, m.method
      ),
      lines as (
        select source_id, 1 as ord, 'payment.' || method as key, '' as scope, null::uuid as account_id, amount as amt, 'Cobro checkout'::text as memo from paid
        union all
        select source_id, 2, 'payment.ROOM_CHARGE', '', null, -sum(amount), 'Cargos a habitación' from paid group by source_id
      )`,
    ),
  );
  return created;
}
