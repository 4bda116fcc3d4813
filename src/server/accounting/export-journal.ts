import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";
import { generateJournal } from "./generate-journal";
import type { TPeriod } from "./period";

export type ExportJournalResult = { exportId: string; number: number; entryCount: number; totalDebit: string; totalCredit: string };

/**
 * Marks every entry the preview shows as exported under a new export (numbered per tenant), in
 * one pass over the entries: the update returns their lines, which give the totals and reveal
 * any unbalanced entry; then the export is refused (the transaction rolls back, nothing stays
 * marked) while any entry is unbalanced or when there is nothing new. The conditional update
 * (`export_id is null`) makes two exports at once split the entries, never share one.
 */
export async function exportJournal(tx: Tx, period: TPeriod, actor: Actor): Promise<ExportJournalResult> {
  await generateJournal(tx, period);
  // Numbers are per tenant and gapless enough for humans: serialize exports of one business.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('accounting-export:' || ${TENANT}::text, 0))`);
  const [exp] = await tx.execute<{ id: string; number: number }>(sql`
    insert into accounting_exports (tenant_id, number, period_from, period_to, entry_count, total_debit, total_credit, created_by)
    values (${TENANT}, (select coalesce(max(number), 0) + 1 from accounting_exports), ${period.from}, ${period.to}, 0, 0, 0, ${actor.userId})
    returning id, number`);
  const [totals] = await tx.execute<{ n: number; debit: string; credit: string; unbalanced_count: number; unbalanced: string[] }>(sql`
    with u as (
      update journal_entries set export_id = ${exp!.id}
      where export_id is null and entry_date <= ${period.to}::date
      returning id, entry_date, lines
    ),
    t as (
      select u.id, u.entry_date,
             coalesce(sum((x->>'d')::numeric), 0)::numeric(14,2) as d, coalesce(sum((x->>'c')::numeric), 0)::numeric(14,2) as c
      from u left join lateral jsonb_array_elements(u.lines) x on true
      group by u.id, u.entry_date
    )
    select count(*)::int as n, coalesce(sum(d), 0)::numeric(14,2)::text as debit, coalesce(sum(c), 0)::numeric(14,2)::text as credit,
           count(*) filter (where d <> c)::int as unbalanced_count,
           coalesce((select array_agg(id::text order by entry_date, id) from (select id, entry_date from t where d <> c order by entry_date, id limit 100) z), '{}') as unbalanced
    from t`);
  if (totals!.unbalanced_count > 0) {
    const n = totals!.unbalanced_count;
    throw new AppError("VALIDATION", `Hay ${n === 1 ? "1 asiento desbalanceado" : `${n} asientos desbalanceados`}: revisalos antes de exportar.`, {
      unbalanced: totals!.unbalanced,
    });
  }
  if (totals!.n === 0) throw new AppError("VALIDATION", "No hay asientos nuevos para exportar hasta esa fecha.");
  await tx.execute(sql`
    update accounting_exports set entry_count = ${totals!.n}, total_debit = ${totals!.debit}, total_credit = ${totals!.credit}
    where id = ${exp!.id}`);
  return { exportId: exp!.id, number: exp!.number, entryCount: totals!.n, totalDebit: totals!.debit, totalCredit: totals!.credit };
}
