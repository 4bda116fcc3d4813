import "server-only";
import type { Tx } from "../db/client";
import { tenantToday } from "./common";
import { runReplenishment } from "./compute-replenishment";

/** Today's replenishment run for the transaction's tenant (idempotent per day). */
export async function recomputeReplenishment(tx: Tx, mode: "manual" | "cron" = "manual") {
  return runReplenishment(tx, { today: await tenantToday(tx), mode });
}
