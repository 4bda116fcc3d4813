import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { pgArray } from "../db/sql-helpers";

export const ZCancelBatchResponse = z.object({ cancelled: z.number() });
export type TCancelBatchResponse = z.infer<typeof ZCancelBatchResponse>;

/**
 * Cancels what has not started: documents never sent to ARCA (no number, no attempt). Their
 * fiscal rows are deleted under the row lock the issuer's number claim also takes, so a
 * document is either cancelled or sent, never both; their charges are billable again.
 */
export async function cancelBatch(tx: Tx, batchId: string, actor: { userId: string }) {
  const [b] = await tx.execute<{ status: string }>(sql`select status from billing_batches where id = ${batchId} for update`);
  if (!b) throw new AppError("NOT_FOUND", "El lote no existe.");
  const cancelled = await tx.execute<{ id: string }>(sql`
    with gone as (
      delete from fiscal_documents f using billing_documents d
      where d.fiscal_document_id = f.id and d.batch_id = ${batchId} and d.status in ('QUEUED', 'PROCESSING', 'ERROR')
        and f.number is null and f.status = 'PENDING' and f.attempts = 0
      returning f.id
    )
    update billing_documents d set status = 'CANCELLED', last_error = 'Cancelado', updated_at = now()
    from gone where d.fiscal_document_id = gone.id
    returning d.id`);
  if (cancelled.length === 0) throw new AppError("INVALID_STATE", "No quedan comprobantes sin empezar para cancelar en este lote.");
  const ids = cancelled.map((r) => r.id);
  await tx.execute(sql`
    with released as (
      update billing_document_items set active = false
      where active and document_id = any(${pgArray(ids, "uuid")}) returning charge_id
    )
    update billing_charges ch set status = 'PENDING', changed_by = ${actor.userId}, changed_at = now()
    from released where released.charge_id = ch.id and ch.status = 'INVOICING'`);
  const [left] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from billing_documents where batch_id = ${batchId} and status <> 'CANCELLED'`);
  if (left!.n === 0) await tx.execute(sql`update billing_batches set status = 'CANCELLED', finished_at = now() where id = ${batchId}`);
  return { cancelled: ids.length };
}
