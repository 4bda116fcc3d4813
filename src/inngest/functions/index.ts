import { issueFiscalDocument } from "./issue-fiscal-document";
import { sweepPendingDocuments } from "./sweep-pending-documents";

// Every Inngest function served at /api/inngest.
export const functions = [issueFiscalDocument, sweepPendingDocuments];
