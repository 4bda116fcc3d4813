import "server-only";
import { z } from "zod";
import { inngest } from "@/inngest/client";
import { log } from "../log";

export const BILLING_BATCH_REQUESTED = "billing/batch.requested";
export const ZBillingBatchRequested = z.object({ tenantId: z.uuid(), batchId: z.uuid(), run: z.number().int().min(0).default(0) });
export type TBillingBatchRequested = z.infer<typeof ZBillingBatchRequested>;

/** The event for a batch run; its id makes a duplicate send start nothing new (run counts manual retries). */
export const billingBatchEvent = (data: TBillingBatchRequested) => ({ name: BILLING_BATCH_REQUESTED, id: `billing-batch-${data.batchId}-${data.run}`, data });

/** Sent after the creating transaction commits. Never throws: a batch left PENDING_PROCESSING can be started again from its page. */
export async function sendBatchEvent(data: TBillingBatchRequested): Promise<boolean> {
  try {
    await Promise.race([inngest.send(billingBatchEvent(data)), new Promise((_, rej) => setTimeout(() => rej(new Error("timeout")), 1500).unref())]);
    return true;
  } catch (e) {
    log.warn({ batchId: data.batchId, err: (e as Error).message }, `could not send ${BILLING_BATCH_REQUESTED}`);
    return false;
  }
}
