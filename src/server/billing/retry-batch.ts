import "server-only";
import { z } from "zod";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { fiscalDocuments, fiscalSettings } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { RECEIVER_IVA_CONDITION, DOC_TIPO } from "../afip/codes";
import { normalizeCuit } from "@/lib/cuit";
import { prepareDocument } from "../fiscal/prepare-document";

export const ZRetryBatchResponse = z.object({ retried: z.number(), run: z.number() });
export type TRetryBatchResponse = z.infer<typeof ZRetryBatchResponse>;

/**
 * Manual retry of a batch's failed documents. A document ARCA rejected gets a new fiscal
 * document with the customer's current data (e.g. a corrected CUIT); one that failed
 * transiently keeps its fiscal document (its held number is recovered first). The batch goes
 * back to PENDING_PROCESSING; the caller sends the event with the returned run number.
 */
export async function retryBatch(tx: Tx, batchId: string) {
  const [b] = await tx.execute<{ status: string }>(sql`select status from billing_batches where id = ${batchId} for update`);
  if (!b) throw new AppError("NOT_FOUND", "El lote no existe.");
  if (b.status === "IN_PROCESS" || b.status === "PENDING_PROCESSING") throw new AppError("INVALID_STATE", "El lote todavía se está procesando.");
  const failed = await tx.execute<{ id: string; fiscal_document_id: string; fiscal_status: string | null; doc_type: "CUIT" | "CUIL" | "DNI" | "PASSPORT"; doc_number: string; name: string; iva_condition: keyof typeof RECEIVER_IVA_CONDITION }>(sql`
    select d.id, d.fiscal_document_id, f.status as fiscal_status, c.doc_type, c.doc_number, c.name, c.iva_condition
    from billing_documents d join customers c on c.id = d.customer_id left join fiscal_documents f on f.id = d.fiscal_document_id
    where d.batch_id = ${batchId} and d.status = 'ERROR' for update of d`);
  if (failed.length === 0) throw new AppError("INVALID_STATE", "El lote no tiene comprobantes con error para reintentar.");
  const [settings] = await tx.select().from(fiscalSettings).limit(1);
  for (const d of failed) {
    if (d.fiscal_status === "REJECTED" && settings) {
      const [old] = await tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, d.fiscal_document_id));
      const base = {
        kind: "INVOICE" as const,
        concept: old!.concept,
        pointOfSale: old!.pointOfSale,
        receiverDocType: { CUIT: DOC_TIPO.CUIT, CUIL: DOC_TIPO.CUIL, DNI: DOC_TIPO.DNI, PASSPORT: DOC_TIPO.PASAPORTE }[d.doc_type],
        receiverDocNumber: d.doc_type === "CUIT" || d.doc_type === "CUIL" ? normalizeCuit(d.doc_number) : d.doc_number,
        receiverIvaCondition: RECEIVER_IVA_CONDITION[d.iva_condition],
        receiverName: d.name,
        lines: old!.lines,
        total: old!.total,
      };
      const id = randomUUID();
      await tx.insert(fiscalDocuments).values({ id, ...base, ...prepareDocument(settings, base), issueDate: old!.issueDate });
      await tx.execute(sql`update billing_documents set fiscal_document_id = ${id}, status = 'QUEUED', last_error = null, updated_at = now() where id = ${d.id}`);
    } else {
      await tx.execute(sql`update billing_documents set status = 'QUEUED', updated_at = now() where id = ${d.id}`);
    }
  }
  const [r] = await tx.execute<{ run: number }>(sql`
    update billing_batches set status = 'PENDING_PROCESSING', finished_at = null, last_error = null,
      selection = jsonb_set(selection, '{runs}', to_jsonb(coalesce((selection->>'runs')::int, 0) + 1))
    where id = ${batchId} returning (selection->>'runs')::int as run`);
  return { retried: failed.length, run: r!.run };
}
