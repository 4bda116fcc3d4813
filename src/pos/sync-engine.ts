import { getMeta, setMeta, type PosDb } from "./db";
import { applySyncResults, peekQueue, queueSize, recordBatchFailure, unresolvedRefusedCount } from "./queue";
import type { SaleSyncResult } from "./types";
import type { TOpResult } from "../lib/schemas/pos-wire";
import { applyOpResults, opsSize, peekOps } from "./ops";
import { defaultLocks, describeError, TransportError, type LockManagerLike, type OpsTransport, type SyncEngineOptions, type SyncRunResult, type SyncState, type SyncTransport } from "./sync-contracts";

// Sends queued sales to the server in FIFO batches. Safety with several tabs (and the
// service worker) comes from two layers: a Web Lock so normally only one context drains
// the queue at a time, and the server's idempotency by sale UUID for when locks are
// unavailable or a response is lost — a replay answers DUPLICATE and the item leaves.

export const SYNC_LOCK = "mostrador-pos-sync";
const LOCK_RETRY_MS = 1_000;

export class SyncEngine {
  private readonly db: PosDb;
  private readonly transport: SyncTransport;
  private readonly opsTransport: OpsTransport | null;
  private readonly locks: LockManagerLike | null;
  private readonly batchSize: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly isOnline: () => boolean;
  private readonly probe: (() => Promise<boolean>) | null;
  private readonly random: () => number;
  private readonly listeners = new Set<(s: SyncState) => void>();
  private running: Promise<SyncRunResult> | null = null;
  private followUp: Promise<SyncRunResult> | null = null;
  private runningSince = 0;
  private readonly stallMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private state: SyncState;

  constructor(opts: SyncEngineOptions) {
    this.db = opts.db;
    this.transport = opts.transport;
    this.opsTransport = opts.opsTransport ?? null;
    this.locks = opts.locks === undefined ? defaultLocks() : opts.locks;
    this.batchSize = opts.batchSize ?? 100;
    this.baseDelayMs = opts.baseDelayMs ?? 1000;
    this.maxDelayMs = opts.maxDelayMs ?? 30_000;
    this.isOnline = opts.isOnline ?? (() => (typeof navigator === "undefined" || navigator.onLine !== false));
    this.probe = opts.probe ?? null;
    this.random = opts.random ?? Math.random;
    this.stallMs = opts.stallMs ?? 20_000;
    if (opts.onChange) this.listeners.add(opts.onChange);
    this.state = { online: this.isOnline(), syncing: false, queued: 0, refused: 0, consecutiveFailures: 0 };
  }

  subscribe(fn: (s: SyncState) => void): () => void {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }

  getState(): SyncState {
    return this.state;
  }

  /** Backoff after `failures` consecutive failures: base·2^(n-1), capped, with ±20 % jitter. */
  backoffDelay(failures: number): number {
    if (failures <= 0) return 0;
    const raw = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (failures - 1));
    return Math.round(raw * (0.8 + 0.4 * this.random()));
  }

  /** Re-reads counts from IndexedDB (another tab or the service worker may have changed them). */
  async refresh(reachable?: boolean): Promise<SyncState> {
    const [sales, ops, refused, lastSyncAt] = await Promise.all([queueSize(this.db), opsSize(this.db), unresolvedRefusedCount(this.db), getMeta(this.db, "lastSyncAt")]);
    const queued = sales + ops;
    // Online = the browser thinks so AND the last contact with the server did not fail.
    const online = this.isOnline() && (reachable ?? this.state.online);
    // Another context (tab, service worker) may have synced more recently.
    const newer = lastSyncAt && (!this.state.lastSyncAt || lastSyncAt > this.state.lastSyncAt) ? { lastSyncAt } : {};
    this.update({ queued, refused, online, ...newer });
    return this.state;
  }

  /**
   * Drains the queue once (all batches) unless offline, another context holds the lock,
   * or a run is already in progress in this context.
   */
  syncNow(): Promise<SyncRunResult> {
    // A run that never settles (seen when window.print()'s nested loop swallowed an IndexedDB
    // callback) must not stop syncing for good: past `stallMs` a new run starts and takes the
    // lock over. Safe: every answer is applied by re-reading the queue, and the server is
    // idempotent by UUID.
    const stalled = this.running !== null && Date.now() - this.runningSince >= this.stallMs;
    // A request during a run (a sale queued, the network back) may concern what that run has
    // already passed or gave up on: it gets one run of its own right after. Requests made
    // meanwhile share that follow-up, so a burst of kicks costs one extra run, not one each.
    if (this.running && !stalled) {
      this.followUp ??= this.running.then(() => {
        this.followUp = null;
        return this.syncNow();
      });
      return this.followUp;
    }
    const run: Promise<SyncRunResult> = this.runLocked(stalled).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    this.runningSince = Date.now();
    return run;
  }

  private async runLocked(steal = false): Promise<SyncRunResult> {
    if (!this.isOnline()) {
      await this.refresh(false);
      return { kind: "skipped", reason: "offline" };
    }
    if (!this.locks) return this.drain();
    let entered = false;
    try {
      return await this.locks.request(SYNC_LOCK, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
        entered = true;
        return this.inLock(lock);
      });
    } catch (e) {
      if (entered) throw e;
      // The lock's callback never ran, so nothing was sent: Chromium rejects the request with
      // "The provided callback is no longer runnable" when window.print() (a reprint) runs at
      // that moment. Not an error for the cashier: try again in a moment.
      this.schedule(LOCK_RETRY_MS);
      return { kind: "skipped", reason: "busy" };
    }
  }

  private async inLock(lock: unknown): Promise<SyncRunResult> {
    if (!lock) {
      // Another tab is syncing. If this one still thinks it is offline (the network just came
      // back), ask the server itself: the tab holding the lock cannot flip this tab's status.
      await this.refresh(this.state.online ? undefined : await this.reachable());
      this.followOtherRun();
      return { kind: "skipped", reason: "locked" };
    }
    return this.drain();
  }

  private waitingForOther = false;

  /**
   * Another context (a tab, or the service worker's background sync, which the browser fires
   * the moment the network returns) holds the sync lock: when it lets go, re-read the counts
   * at once instead of showing its sales as queued until the next periodic run, and sync
   * whatever it left behind.
   */
  private followOtherRun(): void {
    if (!this.locks || this.waitingForOther) return;
    this.waitingForOther = true;
    void this.locks
      .request(SYNC_LOCK, {}, async () => undefined)
      .then(() => this.refresh())
      .then((state) => {
        if (state.queued > 0) this.kick();
      })
      .catch(() => undefined)
      .finally(() => {
        this.waitingForOther = false;
      });
  }

  private async drain(): Promise<SyncRunResult> {
    if (this.probe && (await queueSize(this.db)) + (await opsSize(this.db)) === 0) {
      const reachable = await this.probe().catch(() => false);
      this.update({ online: reachable });
      await this.refresh(reachable);
      if (!reachable) return { kind: "skipped", reason: "offline" };
    }
    this.update({ syncing: true });
    let sent = 0;
    let accepted = 0;
    let refused = 0;
    let failed = 0;
    // Each run walks the queue once: a sale that got a transient error is not resent in the same run.
    let afterSeq: number | undefined;
    try {
      const opsFailure = await this.drainOps();
      if (opsFailure) return this.fail(opsFailure, sent);
      for (;;) {
        const page = await peekQueue(this.db, this.batchSize, afterSeq);
        if (page.length === 0) break;
        afterSeq = page[page.length - 1]!.seq;
        // A sale the till is still waiting on (online charge) is left to the till.
        const nowIso = new Date().toISOString();
        const batch = page.filter((b) => !b.holdUntil || b.holdUntil <= nowIso);
        if (batch.length === 0) continue;
        let results: SaleSyncResult[];
        try {
          results = await this.transport(batch.map((b) => b.sale));
        } catch (e) {
          const message = describeError(e);
          // A network error (not an HTTP answer) means the server is unreachable.
          if (!(e instanceof TransportError)) this.update({ online: false });
          await recordBatchFailure(this.db, batch);
          return this.fail(message, sent);
        }
        this.update({ online: true });
        sent += batch.length;
        const out = await applySyncResults(this.db, batch, results);
        accepted += out.removed;
        refused += out.refused;
        failed += out.failed;
        // Nothing in this batch could be settled: stop and back off instead of spinning.
        if (out.removed + out.refused === 0) {
          return this.fail(results.find((r) => r.status === "ERROR")?.message ?? "El servidor no confirmó las ventas", sent);
        }
        await this.refresh();
      }
      const at = new Date().toISOString();
      await setMeta(this.db, "lastSyncAt", at);
      this.update({ lastSyncAt: at, lastError: undefined, consecutiveFailures: 0, nextRetryAt: undefined });
      await this.refresh();
      // Some sales got a transient per-sale error: try those again after a pause.
      if (failed > 0) this.schedule(this.backoffDelay(1));
      return { kind: "done", sent, accepted, refused, failed };
    } finally {
      this.update({ syncing: false });
    }
  }

  /** Sends queued operations first (FIFO); returns an error message when they could not be settled. */
  private async drainOps(): Promise<string | null> {
    if (!this.opsTransport) return null;
    for (;;) {
      const batch = await peekOps(this.db, 50);
      if (batch.length === 0) return null;
      let results: TOpResult[];
      try {
        results = await this.opsTransport(batch.map((b) => b.op));
      } catch (e) {
        if (!(e instanceof TransportError)) this.update({ online: false });
        return describeError(e);
      }
      this.update({ online: true });
      const out = await applyOpResults(this.db, batch, results);
      // A later operation may depend on a failed one (a movement on its shift): stop here.
      if (out.failed > 0) return results.find((r) => r.status === "ERROR")?.message ?? "El servidor no confirmó las operaciones de caja";
    }
  }

  private async fail(error: string, sent: number): Promise<SyncRunResult> {
    const failures = this.state.consecutiveFailures + 1;
    const delay = this.backoffDelay(failures);
    await setMeta(this.db, "lastSyncError", error);
    this.update({ lastError: error, consecutiveFailures: failures, nextRetryAt: new Date(Date.now() + delay).toISOString() });
    await this.refresh(this.state.online);
    this.schedule(delay);
    return { kind: "failed", error, sent };
  }

  /** Periodic sync: every `intervalMs` while started, plus kicks (new sale, back online). */
  start(intervalMs = 30_000): void {
    this.stopped = false;
    this.intervalMs = intervalMs;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.watchdog) clearTimeout(this.watchdog);
    this.timer = null;
  }

  /** Something changed (a sale was queued, the network came back): sync soon. */
  kick(): void {
    if (this.stopped) {
      void this.syncNow();
      return;
    }
    // A kick does not skip an active backoff window after failures.
    if (this.state.consecutiveFailures > 0 && this.state.nextRetryAt && Date.parse(this.state.nextRetryAt) > Date.now()) return;
    this.schedule(0);
  }

  /** Network came back: forget the backoff and try now. */
  online(): void {
    this.update({ consecutiveFailures: 0, nextRetryAt: undefined });
    this.schedule(0);
    if (this.stopped) void this.syncNow();
    // The status follows the server, not only the browser: confirm it right away, so a tab
    // that is not the one syncing (another tab holds the lock) also shows "En línea".
    void this.reachable().then((ok) => this.refresh(ok));
  }

  /**
   * Any request of this page reached the server (true) or failed at the network (false):
   * the online status follows it (navigator.onLine alone lies both ways).
   */
  noteReachable(ok: boolean): void {
    if (ok === this.state.online) return;
    void this.refresh(ok);
  }

  /** Asks the server (probe) when there is one; otherwise trusts the browser. */
  private async reachable(): Promise<boolean> {
    if (!this.isOnline()) return false;
    if (!this.probe) return true;
    return this.probe().catch(() => false);
  }

  private intervalMs = 30_000;

  private watchdog: ReturnType<typeof setTimeout> | null = null;

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    if (this.watchdog) clearTimeout(this.watchdog);
    this.timer = setTimeout(() => {
      this.timer = null;
      // A run that throws (an IndexedDB error…) must not end the periodic chain: back off, go on.
      void this.syncNow().then(
        (r) => {
          if (!this.stopped && !this.timer) this.schedule(r.kind === "failed" ? this.backoffDelay(this.state.consecutiveFailures) : this.intervalMs);
        },
        () => {
          if (!this.stopped && !this.timer) this.schedule(this.backoffDelay(Math.max(1, this.state.consecutiveFailures)));
        },
      );
      // If that run hangs, come back once it counts as stalled (the chain above never fires then).
      this.watchdog = setTimeout(() => {
        if (!this.stopped && !this.timer && this.running && Date.now() - this.runningSince >= this.stallMs) this.schedule(0);
      }, this.stallMs + 50);
    }, delay);
  }

  private update(patch: Partial<SyncState>): void {
    // Progress (a batch answered, counts re-read): a long but healthy run is not "stalled".
    if (this.running) this.runningSince = Date.now();
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }
}
