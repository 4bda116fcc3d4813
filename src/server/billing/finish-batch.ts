import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { syncBatchDocuments } from "./sync-batch-documents";

/**
 * Closes a batch run: what is still unsettled after the automatic retries is ERROR with its
 * last reason (it can be retried by hand), and the batch gets its final status:
 * PROCESSED (all issued), PROCESSED_WITH_ERRORS (some) or ERROR (none).
 */
export async function finishBatch(tx: Tx, batchId: string) {
  await syncBatchDocuments(tx, batchId);
  await tx.execute(sql`
    update billing_documents set status = 'ERROR', updated_at = now(),
      last_error = coalesce(last_error, 'No se pudo emitir después de varios intentos')
    where batch_id = ${batchId} and status in ('QUEUED', 'PROCESSING')`);
  const [r] = await tx.execute<{ status: string; issued: number; errors: number }>(sql`
    with c as (
      select count(*) filter (where status = 'ISSUED')::int as issued, count(*) filter (where status = 'ERROR')::int as errors
      from billing_documents where batch_id = ${batchId}
    )
    update billing_batches b set finished_at = now(),
      status = case when b.status = 'CANCELLED' then b.status
                    when c.errors = 0 then 'PROCESSED'::billing_batch_status
                    when c.issued = 0 then 'ERROR'::billing_batch_status
                    else 'PROCESSED_WITH_ERRORS'::billing_batch_status end,
      last_error = case when c.errors > 0 then c.errors || ' comprobante(s) con error' else null end
    from c where b.id = ${batchId}
    returning b.status, c.issued, c.errors`);
  return { status: r?.status ?? "MISSING", issued: r?.issued ?? 0, errors: r?.errors ?? 0 };
}
