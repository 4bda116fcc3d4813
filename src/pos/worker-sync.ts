import { openPosDb } from "./db";
import { SyncEngine } from "./sync-engine";
import type { LockManagerLike, SyncRunResult } from "./sync-contracts";
import { httpOpsTransport, httpSyncTransport } from "./transport";

/** Channel on which every context (tabs, service worker) announces queue changes. */
export const POS_CHANNEL = "mostrador-pos";
export type PosChannelMessage = { type: "queue-changed"; slug: string } | { type: "synced"; slug: string; at: string };

/**
 * One drain of a business's queue from a context with no UI (the service worker's
 * Background Sync). Same engine, same Web Lock, same idempotent endpoint as the page.
 */
export async function syncBusinessQueue(slug: string, locks: LockManagerLike | null): Promise<SyncRunResult> {
  const db = await openPosDb(slug);
  try {
    const engine = new SyncEngine({ db, transport: httpSyncTransport(slug), opsTransport: httpOpsTransport(slug), locks, isOnline: () => true });
    const r = await engine.syncNow();
    if (r.kind === "done" && typeof BroadcastChannel !== "undefined") {
      const ch = new BroadcastChannel(POS_CHANNEL);
      ch.postMessage({ type: "synced", slug, at: new Date().toISOString() } satisfies PosChannelMessage);
      ch.close();
    }
    return r;
  } finally {
    db.close();
  }
}
