import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { fiscalDocuments } from "../db/schema/fiscal";
import { cbteTipoFor, letterOf } from "../afip/document-type";

export const ZRequestCreditNoteInput = z.object({ saleId: z.uuid() });
export type TRequestCreditNoteInput = z.infer<typeof ZRequestCreditNoteInput>;

/**
 * Called inside the void's transaction: a PENDING credit note for the sale's invoice, same
 * receiver, lines and amounts, referencing it (CbtesAsoc). Null when the sale had no fiscal
 * document. Idempotent per sale. It is issued once the invoice has its CAE; if the invoice
 * ends up rejected, the credit note is rejected too (there is nothing to cancel).
 */
export async function requestCreditNote(tx: Tx, raw: TRequestCreditNoteInput): Promise<{ documentId: string } | null> {
  const { saleId } = ZRequestCreditNoteInput.parse(raw);
  const docs = await tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.saleId, saleId));
  const invoice = docs.find((d) => d.kind === "INVOICE");
  if (!invoice) return null;
  const existing = docs.find((d) => d.kind === "CREDIT_NOTE");
  if (existing) return { documentId: existing.id };
  const [row] = await tx
    .insert(fiscalDocuments)
    .values({
      kind: "CREDIT_NOTE",
      saleId,
      registerId: invoice.registerId,
      originalDocumentId: invoice.id,
      environment: invoice.environment,
      emitterCuit: invoice.emitterCuit,
      pointOfSale: invoice.pointOfSale,
      cbteTipo: invoice.cbteTipo === null ? null : cbteTipoFor("CREDIT_NOTE", letterOf(invoice.cbteTipo)),
      concept: invoice.concept,
      receiverDocType: invoice.receiverDocType,
      receiverDocNumber: invoice.receiverDocNumber,
      receiverIvaCondition: invoice.receiverIvaCondition,
      receiverName: invoice.receiverName,
      currency: invoice.currency,
      lines: invoice.lines,
      total: invoice.total,
      netAmount: invoice.netAmount,
      exemptAmount: invoice.exemptAmount,
      untaxedAmount: invoice.untaxedAmount,
      ivaAmount: invoice.ivaAmount,
      ivaBreakdown: invoice.ivaBreakdown,
    })
    .returning({ id: fiscalDocuments.id });
  return { documentId: row!.id };
}

export async function creditNoteFor(tx: Tx, saleId: string) {
  const [row] = await tx
    .select({ id: fiscalDocuments.id })
    .from(fiscalDocuments)
    .where(and(eq(fiscalDocuments.saleId, saleId), eq(fiscalDocuments.kind, "CREDIT_NOTE")));
  return row ?? null;
}
