import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { generateJournal } from "./generate-journal";
import type { TPeriod } from "./period";

export type JournalPreview = {
  entryCount: number;
  totalDebit: string;
  totalCredit: string;
  byAccount: { code: string; name: string; debit: string; credit: string }[];
  unbalanced: { entryId: string; description: string; entryDate: string; debit: string; credit: string }[];
  /** Entries dated before the period that were never exported (they go out with this one). */
  earlierPending: number;
};

/**
 * What the next export of the period would contain: the entries not exported yet dated up to
 * `to` (older leftovers included), totals by account, and every unbalanced entry (which blocks
 * the export). Generates missing entries first, so the preview is exactly what will be exported.
 */
export async function previewJournal(tx: Tx, period: TPeriod): Promise<JournalPreview> {
  await generateJournal(tx, period);
  const byAccount = await tx.execute<{ code: string; name: string; debit: string; credit: string }>(sql`
    select a.code, a.name, sum(l.debit)::text as debit, sum(l.credit)::text as credit
    from journal_entries e
    join journal_lines l on l.entry_id = e.id
    join ledger_accounts a on a.id = l.account_id
    where e.export_id is null and e.entry_date <= ${period.to}::date
    group by a.code, a.name order by a.code`);
  const unbalanced = await tx.execute<{ entry_id: string; description: string; entry_date: string; debit: string; credit: string }>(sql`
    select e.id as entry_id, e.description, e.entry_date::text as entry_date,
           coalesce(sum(l.debit), 0)::text as debit, coalesce(sum(l.credit), 0)::text as credit
    from journal_entries e left join journal_lines l on l.entry_id = e.id
    where e.export_id is null and e.entry_date <= ${period.to}::date
    group by e.id, e.description, e.entry_date having coalesce(sum(l.debit), 0) <> coalesce(sum(l.credit), 0)
    order by e.entry_date limit 100`);
  const [counts] = await tx.execute<{ n: number; earlier: number; debit: string; credit: string }>(sql`
    select count(*)::int as n, count(*) filter (where e.entry_date < ${period.from}::date)::int as earlier,
           coalesce((select sum(l.debit) from journal_lines l join journal_entries x on x.id = l.entry_id
                     where x.export_id is null and x.entry_date <= ${period.to}::date), 0)::numeric(14,2)::text as debit,
           coalesce((select sum(l.credit) from journal_lines l join journal_entries x on x.id = l.entry_id
                     where x.export_id is null and x.entry_date <= ${period.to}::date), 0)::numeric(14,2)::text as credit
    from journal_entries e where e.export_id is null and e.entry_date <= ${period.to}::date`);
  return {
    entryCount: counts!.n,
    totalDebit: counts!.debit,
    totalCredit: counts!.credit,
    earlierPending: counts!.earlier,
    byAccount: byAccount.map((r) => ({ code: r.code, name: r.name, debit: r.debit, credit: r.credit })),
    unbalanced: unbalanced.map((r) => ({ entryId: r.entry_id, description: r.description, entryDate: r.entry_date, debit: r.debit, credit: r.credit })),
  };
}
