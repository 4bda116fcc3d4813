import "server-only";
import type { Tx } from "../db/client";
import { offlineSyncBatches } from "../db/schema/offline";
import type { SaleSyncResult } from "@/pos/types";

/** Audit row for one sync batch (who sent how many, and how the server answered). */
export async function recordSyncBatch(tx: Tx, input: { results: SaleSyncResult[]; durationMs: number }, actor: { userId: string }) {
  const count = (s: SaleSyncResult["status"]) => input.results.filter((r) => r.status === s).length;
  await tx.insert(offlineSyncBatches).values({
    userId: actor.userId,
    sales: input.results.length,
    accepted: count("ACCEPTED"),
    conflicts: count("ACCEPTED_WITH_CONFLICT"),
    duplicates: count("DUPLICATE"),
    refused: count("REFUSED"),
    errors: count("ERROR"),
    durationMs: Math.round(input.durationMs),
  });
}
