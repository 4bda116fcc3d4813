import { openDB, type DBSchema, type IDBPDatabase } from "idb";

// The counting phone's own queue (IndexedDB), so counting goes on without signal: every
// entry is stored here first, under the UUID the server uses as its idempotency key, and
// removed only once the server answered for it. Resending is always safe.

export type QueuedEntry = {
  id: string;
  countId: string;
  productId: string;
  productName: string;
  lotNumber: string | null;
  zoneId: string | null;
  quantity: string;
  /** When it was counted on this phone (sent when the first try failed: the server positions it there). */
  countedAt: string;
  /** The first send failed for lack of connection. */
  offline: boolean;
  state: "pending" | "refused";
  error?: string;
};

interface CountsDb extends DBSchema {
  queue: { key: string; value: QueuedEntry; indexes: { count: string } };
}

const dbs = new Map<string, Promise<IDBPDatabase<CountsDb>>>();
export function openCountsDb(slug: string): Promise<IDBPDatabase<CountsDb>> {
  let db = dbs.get(slug);
  if (!db) {
    db = openDB<CountsDb>(`mostrador-counts:${slug}`, 1, {
      upgrade(d) {
        d.createObjectStore("queue", { keyPath: "id" }).createIndex("count", "countId");
      },
    });
    dbs.set(slug, db);
  }
  return db;
}

export async function enqueue(slug: string, e: QueuedEntry): Promise<void> {
  await (await openCountsDb(slug)).put("queue", e);
}
export async function queued(slug: string, countId: string): Promise<QueuedEntry[]> {
  const all = await (await openCountsDb(slug)).getAllFromIndex("queue", "count", countId);
  return all.sort((a, b) => (a.countedAt < b.countedAt ? -1 : 1));
}
export async function dequeue(slug: string, id: string): Promise<void> {
  await (await openCountsDb(slug)).delete("queue", id);
}

export type SendResult = { ok: true } | { ok: false; refused: boolean; message: string };
export type Sender = (e: QueuedEntry) => Promise<SendResult>;

/**
 * Sends pending entries oldest first. An answer (accepted, duplicate) removes the entry; a
 * refusal (not in scope, count closed) keeps it as refused for the counter to see; no
 * connection stops the pass and leaves the rest for the next one.
 */
export async function flushQueue(slug: string, countId: string, send: Sender): Promise<{ sent: number; refused: number; left: number }> {
  let sent = 0;
  let refused = 0;
  const items = (await queued(slug, countId)).filter((e) => e.state === "pending");
  for (let i = 0; i < items.length; i++) {
    const e = items[i]!;
    const r = await send(e);
    if (r.ok) {
      await dequeue(slug, e.id);
      sent++;
    } else if (r.refused) {
      await enqueue(slug, { ...e, state: "refused", error: r.message });
      refused++;
    } else {
      return { sent, refused, left: items.length - i };
    }
  }
  return { sent, refused, left: 0 };
}
