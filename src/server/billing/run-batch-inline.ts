import "server-only";
import { runtimeEnv } from "../env";
import { withTenant } from "../db/with-tenant";
import { log } from "../log";
import { runBatchRound } from "./run-batch-round";
import { finishBatch } from "./finish-batch";

const running = new Set<string>();

/**
 * Development and e2e stand-in for the Inngest runner when no Inngest server answers: the same
 * passes and closing in this process, in the background, with short waits. Never in production
 * (there the event is retried by Inngest and a stuck batch can be started again from its page).
 */
export function runBatchInline(tenantId: string, batchId: string): boolean {
  if (runtimeEnv().NODE_ENV === "production" && runtimeEnv().E2E !== "1") return false;
  if (running.has(batchId)) return true;
  running.add(batchId);
  void (async () => {
    try {
      for (let round = 0; round < 4; round++) {
        const r = await runBatchRound(tenantId, batchId);
        if (r.remaining === 0) break;
        await new Promise((res) => setTimeout(res, 1000 * (round + 1)));
      }
      await withTenant(tenantId, (tx) => finishBatch(tx, batchId));
    } catch (e) {
      log.error({ batchId, err: (e as Error).message }, "inline billing batch failed");
    } finally {
      running.delete(batchId);
    }
  })();
  return true;
}
