import { ZSaleInput, type TSaleInput } from "../lib/schemas/sale";
import type { PosDb } from "./db";
import type { QueuedSale, RefusedSale, SaleDisplay, SaleSyncResult, SyncedSale } from "./types";

// The durable sale queue. A sale is "confirmed" to the cashier only once the IndexedDB
// transaction that stores it has committed (strict durability), so a crash or reload right
// after the beep cannot lose it. Items leave the queue only when the server answered.

export class QueueValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueueValidationError";
  }
}

/** Formats this device's local ticket number (shown until the server assigns the register's). */
export const localTicketNumber = (n: number) => `L-${String(n).padStart(6, "0")}`;

/**
 * Validates and stores a sale; resolves once it is on disk. Enqueuing the same id twice is a
 * no-op. With `localNumber`, the device's ticket counter is advanced in the SAME transaction
 * and written into the display (one disk commit per charge, and two tabs never share a number).
 */
export async function enqueueSale(
  db: PosDb,
  sale: TSaleInput,
  display: SaleDisplay,
  now = new Date(),
  opts: { holdUntil?: string; localNumber?: boolean } = {},
): Promise<QueuedSale> {
  const parsed = ZSaleInput.safeParse(sale);
  if (!parsed.success) throw new QueueValidationError(parsed.error.issues.map((i) => i.message).join("; "));
  const tx = db.transaction(["queue", "meta"], "readwrite", { durability: "strict" });
  const queue = tx.objectStore("queue");
  const existing = await queue.index("saleId").get(parsed.data.id);
  if (existing) {
    await tx.done;
    return existing;
  }
  let shown = display;
  if (opts.localNumber) {
    const meta = tx.objectStore("meta");
    const n = Number((await meta.get("ticketSeq"))?.value ?? "0") + 1;
    await meta.put({ key: "ticketSeq", value: String(n) });
    shown = { ...display, localNumber: localTicketNumber(n) };
  }
  const item: QueuedSale = { sale: parsed.data, display: shown, queuedAt: now.toISOString(), attempts: 0, ...(opts.holdUntil ? { holdUntil: opts.holdUntil } : {}) };
  item.seq = await queue.add(item);
  await tx.done;
  return item;
}

/** Oldest first; `afterSeq` continues after the last item of a previous batch. */
export async function peekQueue(db: PosDb, limit: number, afterSeq?: number): Promise<QueuedSale[]> {
  return db.getAll("queue", afterSeq === undefined ? undefined : IDBKeyRange.lowerBound(afterSeq, true), limit);
}

export async function queueSize(db: PosDb): Promise<number> {
  return db.count("queue");
}

export async function listRefused(db: PosDb, opts: { includeResolved?: boolean } = {}): Promise<RefusedSale[]> {
  const all = await db.getAllFromIndex("refused", "refusedAt");
  return opts.includeResolved ? all : all.filter((r) => !r.resolvedAt);
}

export async function unresolvedRefusedCount(db: PosDb): Promise<number> {
  return (await listRefused(db)).length;
}

export async function listSynced(db: PosDb, limit = 50): Promise<SyncedSale[]> {
  const out: SyncedSale[] = [];
  let cursor = await db.transaction("synced").store.index("syncedAt").openCursor(null, "prev");
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** True while sales are still waiting for the server or refused sales are unresolved. */
export async function hasPendingSales(db: PosDb): Promise<boolean> {
  return (await queueSize(db)) > 0 || (await unresolvedRefusedCount(db)) > 0;
}

export type ApplyOutcome = { removed: number; refused: number; failed: number };

/**
 * Applies the server's per-sale answers to the queue in ONE transaction: answered sales
 * leave the queue (accepted/duplicate → synced, refused → refused store); a sale with an
 * ERROR answer, or no answer at all, stays queued with the error recorded.
 */
export async function applySyncResults(
  db: PosDb,
  sent: QueuedSale[],
  results: SaleSyncResult[],
  now = new Date(),
): Promise<ApplyOutcome> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const tx = db.transaction(["queue", "refused", "synced"], "readwrite", { durability: "strict" });
  const queue = tx.objectStore("queue");
  const outcome: ApplyOutcome = { removed: 0, refused: 0, failed: 0 };
  const at = now.toISOString();
  for (const item of sent) {
    const r = byId.get(item.sale.id);
    // Re-read: another tab may have already handled it (then there is nothing to do).
    const current = item.seq === undefined ? undefined : await queue.get(item.seq);
    if (!current || current.seq === undefined || current.sale.id !== item.sale.id) continue;
    if (!r || r.status === "ERROR") {
      outcome.failed++;
      await queue.put({
        ...current,
        attempts: current.attempts + 1,
        lastAttemptAt: at,
        lastError: r?.message ?? "El servidor no respondió por esta venta",
      });
      continue;
    }
    if (r.status === "REFUSED") {
      outcome.refused++;
      const refused: RefusedSale = {
        saleId: item.sale.id,
        sale: current.sale,
        display: current.display,
        queuedAt: current.queuedAt,
        refusedAt: at,
        code: r.code ?? "REFUSED",
        reason: r.message ?? "Venta rechazada por el servidor",
      };
      await tx.objectStore("refused").put(refused);
    } else {
      outcome.removed++;
      const synced: SyncedSale = {
        saleId: item.sale.id,
        status: r.status,
        ticketNumber: r.ticketNumber,
        stockConflict: Boolean(r.stockConflict) || r.status === "ACCEPTED_WITH_CONFLICT",
        total: current.display.total,
        createdAt: current.sale.createdAt,
        syncedAt: at,
        display: current.display,
      };
      await tx.objectStore("synced").put(synced);
    }
    await queue.delete(current.seq);
  }
  await tx.done;
  return outcome;
}

/**
 * Counts an attempt on every sale of a batch that failed in transport (no per-sale answers).
 * The transport error is shown once, globally (SyncState.lastError); `lastError` on an item
 * is kept for what the server said about that sale.
 */
export async function recordBatchFailure(db: PosDb, sent: QueuedSale[], now = new Date()): Promise<void> {
  const tx = db.transaction("queue", "readwrite");
  for (const item of sent) {
    const current = item.seq === undefined ? undefined : await tx.store.get(item.seq);
    if (current) await tx.store.put({ ...current, attempts: current.attempts + 1, lastAttemptAt: now.toISOString() });
  }
  await tx.done;
}

/**
 * Resolves a refused sale. REQUEUE puts it back at the END of the queue (optionally with a
 * corrected payload, e.g. a new cash session); DISCARD keeps the record, marked resolved.
 */
export async function resolveRefused(
  db: PosDb,
  saleId: string,
  action: { kind: "REQUEUE"; sale?: TSaleInput } | { kind: "DISCARD"; note: string },
  now = new Date(),
): Promise<void> {
  const tx = db.transaction(["refused", "queue"], "readwrite", { durability: "strict" });
  const r = await tx.objectStore("refused").get(saleId);
  if (!r || r.resolvedAt) {
    await tx.done;
    return;
  }
  if (action.kind === "REQUEUE") {
    const sale = action.sale ? ZSaleInput.parse(action.sale) : r.sale;
    if (sale.id !== r.sale.id) throw new QueueValidationError("No se puede cambiar el identificador de la venta");
    await tx.objectStore("queue").add({ sale, display: r.display, queuedAt: now.toISOString(), attempts: 0 });
    await tx.objectStore("refused").put({ ...r, resolvedAt: now.toISOString(), resolution: "REQUEUED" });
  } else {
    if (!action.note.trim()) throw new QueueValidationError("Indicá el motivo para descartar la venta");
    await tx.objectStore("refused").put({ ...r, resolvedAt: now.toISOString(), resolution: "DISCARDED", resolutionNote: action.note.trim() });
  }
  await tx.done;
}

/**
 * The till got a refusal while the cashier waited (online charge): the sale leaves the queue
 * uncharged and the cashier fixes the ticket. A record stays in `refused`, resolved, so
 * nothing disappears without a trace.
 */
export async function withdrawSale(db: PosDb, item: QueuedSale, refusal: { code: string; message: string }, now = new Date()): Promise<void> {
  const tx = db.transaction(["queue", "refused"], "readwrite", { durability: "strict" });
  const current = item.seq === undefined ? undefined : await tx.objectStore("queue").get(item.seq);
  if (current && current.sale.id === item.sale.id) {
    await tx.objectStore("queue").delete(item.seq!);
    const at = now.toISOString();
    await tx.objectStore("refused").put({
      saleId: item.sale.id,
      sale: current.sale,
      display: current.display,
      queuedAt: current.queuedAt,
      refusedAt: at,
      code: refusal.code,
      reason: refusal.message,
      resolvedAt: at,
      resolution: "DISCARDED",
      resolutionNote: "Rechazada al cobrar: el cajero corrigió el ticket",
    });
  }
  await tx.done;
}

/** No verdict in time: the sale stays queued under offline rules and the engine may send it. */
export async function releaseHold(db: PosDb, item: QueuedSale): Promise<void> {
  const tx = db.transaction("queue", "readwrite");
  const current = item.seq === undefined ? undefined : await tx.store.get(item.seq);
  if (current?.holdUntil) {
    const { holdUntil: _h, ...rest } = current;
    await tx.store.put(rest);
  }
  await tx.done;
}
