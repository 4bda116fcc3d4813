import { issueFiscalDocument } from "./issue-fiscal-document";
import { sweepPendingDocuments } from "./sweep-pending-documents";
import { purchasingDailyAlerts } from "./purchasing-daily-alerts";
import { replenishmentDaily, replenishmentRequested } from "./replenishment";
import { fiscalCaeaMaintenance, fiscalDaily } from "./fiscal-caea";
import { processBillingBatch } from "./process-billing-batch";
import { billingOverdueAlerts } from "./billing-overdue-alerts";
import { deliverMail } from "./deliver-mail";
import { notificationsScan } from "./notifications-scan";

// Every Inngest function served at /api/inngest.
export const functions = [
  issueFiscalDocument,
  sweepPendingDocuments,
  purchasingDailyAlerts,
  replenishmentDaily,
  replenishmentRequested,
  processBillingBatch,
  billingOverdueAlerts,
  fiscalDaily,
  fiscalCaeaMaintenance,
  deliverMail,
  notificationsScan,
];
