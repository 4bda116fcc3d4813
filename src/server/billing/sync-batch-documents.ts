import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

/**
 * Mirrors the fiscal documents' outcome onto the batch's documents and their charges, in one
 * transaction: ISSUED → the charges are INVOICED; REJECTED → the document is in ERROR with
 * ARCA's reason (its charges stay with it until it is retried or cancelled). Idempotent.
 */
export async function syncBatchDocuments(tx: Tx, batchId: string) {
  await tx.execute(sql`
    with f as (
      select d.id, f.status as fiscal_status, f.last_error
      from billing_documents d join fiscal_documents f on f.id = d.fiscal_document_id
      where d.batch_id = ${batchId} and d.status in ('QUEUED', 'PROCESSING', 'ERROR')
    ), upd as (
      update billing_documents d set
        status = case f.fiscal_status when 'ISSUED' then 'ISSUED'::billing_document_status
                                      when 'REJECTED' then 'ERROR'::billing_document_status
                                      else d.status end,
        last_error = case when f.fiscal_status = 'ISSUED' then null else coalesce(f.last_error, d.last_error) end,
        updated_at = now()
      from f where f.id = d.id
      returning d.id, d.status
    )
    update billing_charges ch set status = 'INVOICED', changed_at = now()
    from billing_document_items i join upd on upd.id = i.document_id
    where i.charge_id = ch.id and i.active and upd.status = 'ISSUED' and ch.status = 'INVOICING'`);
}

/** Documents still to work on (neither issued, failed for good nor cancelled). */
export async function remainingDocuments(tx: Tx, batchId: string): Promise<number> {
  const [r] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from billing_documents where batch_id = ${batchId} and status in ('QUEUED', 'PROCESSING')`);
  return r!.n;
}
