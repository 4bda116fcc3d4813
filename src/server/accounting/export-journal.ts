import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";
import { previewJournal } from "./preview-journal";
import type { TPeriod } from "./period";

export type ExportJournalResult = { exportId: string; number: number; entryCount: number; totalDebit: string; totalCredit: string };

/**
 * Marks every entry the preview shows as exported under a new export (numbered per tenant).
 * Refused while any entry is unbalanced or when there is nothing new. The conditional update
 * (`export_id is null`) makes two exports at once split the entries, never share one.
 */
export async function exportJournal(tx: Tx, period: TPeriod, actor: Actor): Promise<ExportJournalResult> {
  const preview = await previewJournal(tx, period);
  if (preview.unbalanced.length) {
    throw new AppError("VALIDATION", `Hay ${preview.unbalanced.length === 1 ? "1 asiento desbalanceado" : `${preview.unbalanced.length} asientos desbalanceados`}: revisalos antes de exportar.`, {
      unbalanced: preview.unbalanced.map((u) => u.entryId),
    });
  }
  if (preview.entryCount === 0) throw new AppError("VALIDATION", "No hay asientos nuevos para exportar hasta esa fecha.");
  // Numbers are per tenant and gapless enough for humans: serialize exports of one business.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('accounting-export:' || ${TENANT}::text, 0))`);
  const [exp] = await tx.execute<{ id: string; number: number }>(sql`
    insert into accounting_exports (tenant_id, number, period_from, period_to, entry_count, total_debit, total_credit, created_by)
    values (${TENANT}, (select coalesce(max(number), 0) + 1 from accounting_exports), ${period.from}, ${period.to}, 0, 0, 0, ${actor.userId})
    returning id, number`);
  await tx.execute(sql`
    update journal_entries set export_id = ${exp!.id}
    where export_id is null and entry_date <= ${period.to}::date`);
  const [totals] = await tx.execute<{ n: number; debit: string; credit: string }>(sql`
    select count(distinct e.id)::int as n, coalesce(sum(l.debit), 0)::numeric(14,2)::text as debit, coalesce(sum(l.credit), 0)::numeric(14,2)::text as credit
    from journal_entries e left join journal_lines l on l.entry_id = e.id where e.export_id = ${exp!.id}`);
  await tx.execute(sql`
    update accounting_exports set entry_count = ${totals!.n}, total_debit = ${totals!.debit}, total_credit = ${totals!.credit}
    where id = ${exp!.id}`);
  return { exportId: exp!.id, number: exp!.number, entryCount: totals!.n, totalDebit: totals!.debit, totalCredit: totals!.credit };
}
