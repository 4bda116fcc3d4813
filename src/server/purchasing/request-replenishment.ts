import "server-only";
import { z } from "zod";
import { sendEvent } from "@/inngest/send";
import { withTenant } from "../db/with-tenant";
import { log } from "../log";
import { recomputeReplenishment } from "./recompute-replenishment";

export const ZRequestRecomputeResponse = z.object({ queued: z.boolean() });
export type TRequestRecomputeResponse = z.infer<typeof ZRequestRecomputeResponse>;

/**
 * "Recalcular" from the UI, run after the request's transaction commits: an Inngest event
 * (the on-demand function). Without a reachable Inngest (local dev, tests) the same
 * idempotent run happens here, in its own tenant transaction.
 */
export async function requestReplenishment(tenantId: string, userId: string): Promise<{ via: "event" | "inline" }> {
  if (await sendEvent("replenishmentRequested", { tenantId, userId })) return { via: "event" };
  log.warn({ tenantId }, "replenishment event not sent; computing inline");
  await withTenant(tenantId, (tx) => recomputeReplenishment(tx, "manual"), { userId });
  return { via: "inline" };
}
