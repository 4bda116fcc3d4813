import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { fiscalDocuments } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { RECEIVER_IVA_CONDITION } from "../afip/codes";

export const ZCorrectCaeaDocumentInput = z.object({
  id: z.uuid(),
  receiverDocType: z.union([z.literal(80), z.literal(86), z.literal(96), z.literal(94), z.literal(99)]),
  receiverDocNumber: z.string().trim().regex(/^\d{1,11}$/, "Solo dígitos (hasta 11)"),
  receiverIvaCondition: z.number().int().refine((v) => Object.values(RECEIVER_IVA_CONDITION).includes(v as never), "Condición frente al IVA inválida"),
  receiverName: z.string().trim().max(200).nullable().optional(),
});
export type TCorrectCaeaDocumentInput = z.infer<typeof ZCorrectCaeaDocumentInput>;

export const ZCorrectCaeaDocumentResponse = z.object({ id: z.uuid(), reportStatus: z.enum(["PENDING", "REJECTED", "REPORTED"]) });
export type TCorrectCaeaDocumentResponse = z.infer<typeof ZCorrectCaeaDocumentResponse>;

/**
 * A CAEA document ARCA rejected when reported: fix the receiver's data (what can change on a
 * document already handed over; amounts, number and date cannot) and queue it to be reported
 * again. Only REJECTED documents; the conditional update makes concurrent corrections harmless.
 */
export async function correctCaeaDocument(tx: Tx, raw: TCorrectCaeaDocumentInput) {
  const input = ZCorrectCaeaDocumentInput.parse(raw);
  if (input.receiverDocType === 99 && input.receiverDocNumber !== "0") throw new AppError("VALIDATION", "Para consumidor final sin identificar el número es 0");
  const [row] = await tx
    .update(fiscalDocuments)
    .set({
      receiverDocType: input.receiverDocType,
      receiverDocNumber: input.receiverDocNumber,
      receiverIvaCondition: input.receiverIvaCondition,
      ...(input.receiverName !== undefined ? { receiverName: input.receiverName } : {}),
      reportStatus: "PENDING",
      updatedAt: new Date(),
    })
    .where(and(eq(fiscalDocuments.id, input.id), eq(fiscalDocuments.authType, "CAEA"), eq(fiscalDocuments.reportStatus, "REJECTED")))
    .returning({ id: fiscalDocuments.id, reportStatus: fiscalDocuments.reportStatus });
  if (!row) throw new AppError("INVALID_STATE", "Solo se corrigen comprobantes CAEA rechazados por ARCA al informarlos");
  return { id: row.id, reportStatus: row.reportStatus! };
}
