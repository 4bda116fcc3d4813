import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";

// Which entries an export holds, without writing on the entries (issue 18's benchmark: marking
// 100,000 wide rows cost more than generating them).
//
// Every entry gets `seq` from one sequence when it is inserted, and entries are only inserted
// while holding the tenant's accounting lock (lockAccounting, taken by generation and by the
// export). An export, under the same lock, records its watermark `seq_hi` = the highest seq
// then committed, and its `period_to`. An entry belongs to the FIRST export (by number) with
// seq_hi ≥ its seq and period_to ≥ its date; it is pending while there is none. Exports are
// never changed or deleted and later entries get higher seqs, so an export's entries never
// change: the same export, the same file. Two exports never share an entry (the first wins by
// definition), and an entry dated after an export's "hasta" waits for a later one.
//
// Exports made before watermarks (seq_hi null) still name their entries in export_id.
//
// Finding them with indexes: if an entry is pending (or belongs to export k), the previous
// watermarked export p did not take it, so its seq > p.seq_hi or its date > p.period_to:
// (tenant, seq) and (tenant, entry_date) index ranges, then the exact test against the few
// earlier exports.

/** Serializes generation and exports of one business (transaction-scoped, re-entrant). */
export async function lockAccounting(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('accounting-export:' || ${TENANT}::text, 0))`);
}

/**
 * Condition on `e` (journal_entries): not exported yet and dated up to `to`. The previous
 * watermark comes from uncorrelated subqueries, evaluated once.
 */
export function pendingUpTo(to: string): SQL {
  return sql`(e.export_id is null and e.entry_date <= ${to}::date
    and (e.seq > coalesce((select x.seq_hi from accounting_exports x where x.seq_hi is not null order by x.number desc limit 1), 0)
         or e.entry_date > coalesce((select x.period_to from accounting_exports x where x.seq_hi is not null order by x.number desc limit 1), '-infinity'::date))
    and not exists (select 1 from accounting_exports x where x.seq_hi >= e.seq and x.period_to >= e.entry_date))`;
}

/** Condition on `e`: the entry belongs to the watermarked export `k` (number, seq_hi, period_to). */
export function memberOf(k: { number: number; seqHi: string; periodTo: string }): SQL {
  const earlier = sql`x.seq_hi is not null and x.number < ${k.number}`;
  return sql`(e.export_id is null and e.seq <= ${k.seqHi}::bigint and e.entry_date <= ${k.periodTo}::date
    and (e.seq > coalesce((select x.seq_hi from accounting_exports x where ${earlier} order by x.number desc limit 1), 0)
         or e.entry_date > coalesce((select x.period_to from accounting_exports x where ${earlier} order by x.number desc limit 1), '-infinity'::date))
    and not exists (select 1 from accounting_exports x where ${earlier} and x.seq_hi >= e.seq and x.period_to >= e.entry_date))`;
}
