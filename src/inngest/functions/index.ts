import { issueFiscalDocument } from "./issue-fiscal-document";
import { sweepPendingDocuments } from "./sweep-pending-documents";
import { purchasingDailyAlerts } from "./purchasing-daily-alerts";
import { replenishmentDaily, replenishmentRequested } from "./replenishment";
import { processBillingBatch } from "./process-billing-batch";

// Every Inngest function served at /api/inngest.
export const functions = [issueFiscalDocument, sweepPendingDocuments, purchasingDailyAlerts, replenishmentDaily, replenishmentRequested, processBillingBatch];
