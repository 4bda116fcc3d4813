import { NonRetriableError } from "inngest";
import { inngest } from "../client";
import { withTenant } from "@/server/db/with-tenant";
import { BILLING_BATCH_REQUESTED, ZBillingBatchRequested } from "@/server/billing/events";
import { runBatchRound } from "@/server/billing/run-batch-round";
import { finishBatch } from "@/server/billing/finish-batch";

/** Waits between passes over the documents that failed transiently (ARCA down, timeouts). */
export const BATCH_BACKOFF = ["10s", "30s", "2m", "5m", "15m"] as const;

/**
 * Issues a billing batch: passes over its unsettled documents (each pass a memoized step, so a
 * crashed run resumes at the pass it was in, which first recovers unknown outcomes), backing
 * off between passes, then closes the batch. One run per tenant at a time.
 */
export const processBillingBatch = inngest.createFunction(
  {
    id: "process-billing-batch",
    name: "Facturar lote (ARCA)",
    triggers: [{ event: BILLING_BATCH_REQUESTED }],
    concurrency: [{ key: "event.data.tenantId", limit: 1 }],
    retries: 5,
  },
  async ({ event, step }) => {
    const parsed = ZBillingBatchRequested.safeParse(event.data);
    if (!parsed.success) throw new NonRetriableError("Evento de lote inválido");
    const { tenantId, batchId } = parsed.data;
    for (let round = 0; round <= BATCH_BACKOFF.length; round++) {
      const r = await step.run(`issue-round-${round}`, () => runBatchRound(tenantId, batchId));
      if (r.remaining === 0 || round === BATCH_BACKOFF.length) break;
      await step.sleep(`backoff-${round}`, BATCH_BACKOFF[round]!);
    }
    return step.run("finish", () => withTenant(tenantId, (tx) => finishBatch(tx, batchId)));
  },
);
