import { NonRetriableError, RetryAfterError } from "inngest";
import { inngest, FISCAL_DOCUMENT_REQUESTED, type FiscalDocumentRequested } from "../client";
import { issueDocument } from "@/server/fiscal/issue-document";
import { FiscalRetryableError } from "@/server/fiscal/retryable";
import { markIssueFailed } from "@/server/fiscal/mark-issue-failed";

/**
 * Issue a fiscal document after the sale (or void) committed. One run at a time per
 * tenant + point of sale + type (AFIP numbering is strictly consecutive per series); retries
 * back off, and every retry starts by recovering an unknown outcome before sending again.
 */
export const issueFiscalDocument = inngest.createFunction(
  {
    id: "issue-fiscal-document",
    name: "Emitir comprobante fiscal (AFIP)",
    triggers: [{ event: FISCAL_DOCUMENT_REQUESTED }],
    concurrency: [{ key: "event.data.seriesKey", limit: 1 }],
    retries: 10,
    onFailure: async ({ event, error }) => {
      const data = (event.data.event as { data?: FiscalDocumentRequested }).data;
      if (data?.tenantId && data.documentId) await markIssueFailed(data.tenantId, data.documentId, error.message);
    },
  },
  async ({ event, step }) => {
    const data = event.data as FiscalDocumentRequested;
    if (!data?.tenantId || !data.documentId) throw new NonRetriableError("Evento sin tenantId/documentId");
    return step.run("issue-document", async () => {
      try {
        return await issueDocument(data.tenantId, data.documentId);
      } catch (e) {
        if (e instanceof FiscalRetryableError && e.retryAfter) throw new RetryAfterError(e.message, e.retryAfter as `${number}s`);
        throw e;
      }
    });
  },
);
