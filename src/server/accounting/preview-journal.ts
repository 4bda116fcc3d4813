import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { pendingUpTo } from "./export-membership";
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
  const pending = pendingUpTo(period.to);
  const byAccount = await tx.execute<{ code: string; name: string; debit: string; credit: string }>(sql`
    select a.code, a.name, sum((x->>'d')::numeric)::numeric(14,2)::text as debit, sum((x->>'c')::numeric)::numeric(14,2)::text as credit
    from journal_entries e
    cross join lateral jsonb_array_elements(e.lines) x
    join ledger_accounts a on a.id = (x->>'a')::uuid
    where ${pending}
    group by a.code, a.name order by a.code`);
  const unbalanced = await tx.execute<{ entry_id: string; description: string; entry_date: string; debit: string; credit: string }>(sql`
    select e.id as entry_id, e.description, e.entry_date::text as entry_date, t.d::text as debit, t.c::text as credit
    from journal_entries e
    cross join lateral (select coalesce(sum((x->>'d')::numeric), 0)::numeric(14,2) as d, coalesce(sum((x->>'c')::numeric), 0)::numeric(14,2) as c
                        from jsonb_array_elements(e.lines) x) t
    where ${pending} and t.d <> t.c
    order by e.entry_date limit 100`);
  const [counts] = await tx.execute<{ n: number; earlier: number; debit: string; credit: string }>(sql`
    select count(*)::int as n, count(*) filter (where e.entry_date < ${period.from}::date)::int as earlier,
           coalesce(sum(t.d), 0)::numeric(14,2)::text as debit, coalesce(sum(t.c), 0)::numeric(14,2)::text as credit
    from journal_entries e
    cross join lateral (select sum((x->>'d')::numeric) as d, sum((x->>'c')::numeric) as c from jsonb_array_elements(e.lines) x) t
    where ${pending}`);
  return {
    entryCount: counts!.n,
    totalDebit: counts!.debit,
    totalCredit: counts!.credit,
    earlierPending: counts!.earlier,
    byAccount: byAccount.map((r) => ({ code: r.code, name: r.name, debit: r.debit, credit: r.credit })),
    unbalanced: unbalanced.map((r) => ({ entryId: r.entry_id, description: r.description, entryDate: r.entry_date, debit: r.debit, credit: r.credit })),
  };
}
