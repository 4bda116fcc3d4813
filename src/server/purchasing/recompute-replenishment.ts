import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { tenantToday } from "./common";
import { runReplenishment } from "./compute-replenishment";

export const ZRecomputeReplenishmentResponse = z.object({ runId: z.uuid(), runOn: z.string(), skipped: z.boolean(), suggestions: z.number(), created: z.number() });
export type TRecomputeReplenishmentResponse = z.infer<typeof ZRecomputeReplenishmentResponse>;

/** Today's replenishment run for the transaction's tenant (idempotent per day). */
export async function recomputeReplenishment(tx: Tx, mode: "manual" | "cron" = "manual") {
  return runReplenishment(tx, { today: await tenantToday(tx), mode });
}
