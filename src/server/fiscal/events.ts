import "server-only";
import { eq } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalDocuments } from "../db/schema/fiscal";
import { inngest, FISCAL_DOCUMENT_REQUESTED, type FiscalDocumentRequested } from "@/inngest/client";

/** The Inngest event for a document (tenant + PtoVta + type series key for the concurrency limit). */
export function fiscalEvent(tenantId: string, doc: { id: string; pointOfSale: number; cbteTipo: number | null }) {
  const data: FiscalDocumentRequested = {
    tenantId,
    documentId: doc.id,
    seriesKey: `${tenantId}:${doc.pointOfSale}:${doc.cbteTipo ?? "?"}`,
  };
  return { name: FISCAL_DOCUMENT_REQUESTED, data };
}

/**
 * Ask Inngest to issue a document. Called after the sale's transaction commits
 * (`ctx.afterCommit`). Never throws: without an Inngest server the document stays PENDING
 * (shown as such) and the periodic sweep re-requests it.
 */
export async function sendFiscalEvent(documentId: string, tenantId: string): Promise<boolean> {
  try {
    const [doc] = await withTenant(tenantId, (tx) =>
      tx
        .select({ id: fiscalDocuments.id, pointOfSale: fiscalDocuments.pointOfSale, cbteTipo: fiscalDocuments.cbteTipo })
        .from(fiscalDocuments)
        .where(eq(fiscalDocuments.id, documentId)),
    );
    if (!doc) return false;
    await inngest.send(fiscalEvent(tenantId, doc));
    return true;
  } catch (e) {
    console.warn(`[fiscal] could not send ${FISCAL_DOCUMENT_REQUESTED} for ${documentId}: ${(e as Error).message}`);
    return false;
  }
}
