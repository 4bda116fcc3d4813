import "server-only";
import { eq } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalDocuments } from "../db/schema/fiscal";
import { log } from "../log";
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
export async function sendFiscalEvent(documentId: string, tenantId: string, waitMs = 800): Promise<boolean> {
  try {
    const [doc] = await withTenant(tenantId, (tx) =>
      tx
        .select({ id: fiscalDocuments.id, pointOfSale: fiscalDocuments.pointOfSale, cbteTipo: fiscalDocuments.cbteTipo })
        .from(fiscalDocuments)
        .where(eq(fiscalDocuments.id, documentId)),
    );
    if (!doc) return false;
    // Bounded wait: an unreachable Inngest (the SDK retries for ~2 s) must not slow the sale's
    // response. The send keeps going in the background; a failure only leaves the document PENDING.
    const sending = inngest.send(fiscalEvent(tenantId, doc)).then(
      () => true,
      (e: Error) => {
        log.warn({ documentId, err: e.message }, `could not send ${FISCAL_DOCUMENT_REQUESTED}; the sweep will retry`);
        return false;
      },
    );
    return await Promise.race([sending, new Promise<boolean>((r) => setTimeout(() => r(false), waitMs).unref())]);
  } catch (e) {
    log.warn({ documentId, err: (e as Error).message }, `could not send ${FISCAL_DOCUMENT_REQUESTED}; the sweep will retry`);
    return false;
  }
}
