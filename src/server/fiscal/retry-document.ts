import "server-only";
import { z } from "zod";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { fiscalDocuments } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";

export const ZRetryDocumentResponse = z.object({ documentId: z.uuid() });
export type TRetryDocumentResponse = z.infer<typeof ZRetryDocumentResponse>;

/**
 * Put an ERROR or REJECTED document back to PENDING (the caller sends the event after commit).
 * A number held with an unknown outcome is kept: the next run recovers it before anything else.
 */
export async function retryDocument(tx: Tx, id: string) {
  const [doc] = await tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, id)).for("update");
  if (!doc) throw new AppError("NOT_FOUND", "El comprobante no existe");
  if (doc.status === "ISSUED") throw new AppError("INVALID_STATE", "El comprobante ya tiene CAE");
  if (doc.status === "REJECTED" || doc.status === "ERROR") {
    await tx.update(fiscalDocuments).set({ status: "PENDING", updatedAt: new Date() }).where(eq(fiscalDocuments.id, id));
  }
  return { documentId: id };
}
