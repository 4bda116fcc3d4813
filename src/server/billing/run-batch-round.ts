import "server-only";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { FiscalRetryableError } from "../fiscal/retryable";
import { pgArray } from "../db/sql-helpers";
import { issueSeries, type IssueSeriesHooks } from "./issue-series";
import { remainingDocuments, syncBatchDocuments } from "./sync-batch-documents";

export type BatchRoundResult = { remaining: number; issued: number; rejected: number; requests: number; transient: string[] };

/**
 * One pass over a batch: every document not yet final is issued, grouped by series (PtoVta +
 * type) so each series goes out in multi-record requests. A series that fails transiently
 * (ARCA down, token) records the reason and leaves its documents for the next pass; the others
 * go on. Runs outside any request; safe to run again at any point (a crashed pass included).
 */
export async function runBatchRound(tenantId: string, batchId: string, opts: { chunkSize?: number; hooks?: IssueSeriesHooks } = {}): Promise<BatchRoundResult> {
  const groups = await withTenant(tenantId, async (tx) => {
    const [b] = await tx.execute<{ status: string }>(sql`
      update billing_batches set status = case when status = 'PENDING_PROCESSING' then 'IN_PROCESS'::billing_batch_status else status end,
        started_at = coalesce(started_at, now())
      where id = ${batchId} returning status`);
    if (!b || b.status === "CANCELLED") return [];
    await syncBatchDocuments(tx, batchId);
    const rows = await tx.execute<{ fiscal_document_id: string; series: string }>(sql`
      update billing_documents d set status = 'PROCESSING', attempts = d.attempts + 1, updated_at = now()
      from fiscal_documents f
      where f.id = d.fiscal_document_id and d.batch_id = ${batchId} and d.status in ('QUEUED', 'PROCESSING')
      returning d.fiscal_document_id, f.point_of_sale || ':' || coalesce(f.cbte_tipo, 0) as series`);
    const bySeries = new Map<string, string[]>();
    for (const r of rows) bySeries.set(r.series, [...(bySeries.get(r.series) ?? []), r.fiscal_document_id]);
    // UPDATE … RETURNING has no order: the series go out in a fixed one, so a pass is repeatable.
    return [...bySeries.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, ids]) => ids);
  });

  const result: BatchRoundResult = { remaining: 0, issued: 0, rejected: 0, requests: 0, transient: [] };
  for (const ids of groups) {
    try {
      const r = await issueSeries(tenantId, ids, opts);
      result.issued += r.issued;
      result.rejected += r.rejected;
      result.requests += r.requests;
    } catch (e) {
      if (!(e instanceof FiscalRetryableError)) throw e;
      result.transient.push(e.message);
      await withTenant(tenantId, (tx) =>
        tx.execute(sql`update billing_documents set last_error = ${e.message}, updated_at = now()
          where batch_id = ${batchId} and status = 'PROCESSING' and fiscal_document_id = any(${pgArray(ids, "uuid")})`),
      );
    }
  }
  result.remaining = await withTenant(tenantId, async (tx) => {
    await syncBatchDocuments(tx, batchId);
    return remainingDocuments(tx, batchId);
  });
  return result;
}
