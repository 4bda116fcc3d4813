import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";
import { lockAccounting, pendingUpTo } from "./export-membership";
import { generateJournal } from "./generate-journal";
import type { TPeriod } from "./period";

export type ExportJournalResult = { exportId: string; number: number; entryCount: number; totalDebit: string; totalCredit: string };

/**
 * Exports every entry the preview shows under a new export (numbered per tenant): one pass over
 * the pending entries sums their lines (totals, and any unbalanced entry); the export is refused
 * while any entry is unbalanced or when there is nothing new, and otherwise recorded with its
 * watermark — which is what marks the entries (export-membership.ts), so nothing is written on
 * them. Under the tenant's accounting lock: two exports never share an entry.
 */
export async function exportJournal(tx: Tx, period: TPeriod, actor: Actor): Promise<ExportJournalResult> {
  await generateJournal(tx, period);
  // Numbers are per tenant and gapless enough for humans; the lock (already taken by the
  // generation, re-entrant) also fixes which entries exist while the watermark is read.
  await lockAccounting(tx);
  const [totals] = await tx.execute<{ n: number; debit: string; credit: string; unbalanced_count: number; unbalanced: string[]; seq_hi: string | null }>(sql`
    with t as (
      select e.id, e.entry_date, s.d, s.c
      from journal_entries e
      cross join lateral (select coalesce(sum((x->>'d')::numeric), 0)::numeric(14,2) as d, coalesce(sum((x->>'c')::numeric), 0)::numeric(14,2) as c
                          from jsonb_array_elements(e.lines) x) s
      where ${pendingUpTo(period.to)}
    )
    select count(*)::int as n, coalesce(sum(d), 0)::numeric(14,2)::text as debit, coalesce(sum(c), 0)::numeric(14,2)::text as credit,
           count(*) filter (where d <> c)::int as unbalanced_count,
           coalesce((select array_agg(id::text order by entry_date, id) from (select id, entry_date from t where d <> c order by entry_date, id limit 100) z), '{}') as unbalanced,
           (select max(seq) from journal_entries)::text as seq_hi
    from t`);
  if (totals!.unbalanced_count > 0) {
    const n = totals!.unbalanced_count;
    throw new AppError("VALIDATION", `Hay ${n === 1 ? "1 asiento desbalanceado" : `${n} asientos desbalanceados`}: revisalos antes de exportar.`, {
      unbalanced: totals!.unbalanced,
    });
  }
  if (totals!.n === 0) throw new AppError("VALIDATION", "No hay asientos nuevos para exportar hasta esa fecha.");
  const [exp] = await tx.execute<{ id: string; number: number }>(sql`
    insert into accounting_exports (tenant_id, number, period_from, period_to, entry_count, total_debit, total_credit, seq_hi, created_by)
    values (${TENANT}, (select coalesce(max(number), 0) + 1 from accounting_exports), ${period.from}, ${period.to},
            ${totals!.n}, ${totals!.debit}, ${totals!.credit}, ${totals!.seq_hi}::bigint, ${actor.userId})
    returning id, number`);
  return { exportId: exp!.id, number: exp!.number, entryCount: totals!.n, totalDebit: totals!.debit, totalCredit: totals!.credit };
}
