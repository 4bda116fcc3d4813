import type { SaleSyncResult } from "./types";
import type { TSaleInput } from "../lib/schemas/sale";
import type { TOpResult, TPosOp } from "../lib/schemas/pos-wire";
import type { PosDb } from "./db";

// The sync engine's surface: its options, state and results, and what it talks to, injectable so tests, the page and the service worker each
// pass their own: the transports to the server, the Web Locks surface, and how their
// failures read to the person at the till.

export type SyncTransport = (sales: TSaleInput[], opts?: { strict?: boolean }) => Promise<SaleSyncResult[]>;
export type OpsTransport = (ops: TPosOp[]) => Promise<TOpResult[]>;

/** Minimal Web Locks surface (navigator.locks); injectable for tests and workers. */
export type LockManagerLike = {
  request<T>(name: string, options: { ifAvailable?: boolean; steal?: boolean; mode?: "exclusive" }, cb: (lock: unknown) => Promise<T>): Promise<T>;
};

export class TransportError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

export function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

export function describeError(e: unknown): string {
  if (e instanceof TransportError) return e.message;
  if (e instanceof TypeError) return "Sin conexión con el servidor";
  return e instanceof Error ? e.message : String(e);
}

export type SyncState = {
  online: boolean;
  syncing: boolean;
  queued: number;
  refused: number;
  lastSyncAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  nextRetryAt?: string;
};

export type SyncRunResult =
  | { kind: "done"; sent: number; accepted: number; refused: number; failed: number }
  | { kind: "skipped"; reason: "offline" | "locked" | "busy" }
  | { kind: "failed"; error: string; sent: number };

export type SyncEngineOptions = {
  db: PosDb;
  transport: SyncTransport;
  /** Shift openings, cash movements, customers: sent before the sales. */
  opsTransport?: OpsTransport;
  locks?: LockManagerLike | null;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  isOnline?: () => boolean;
  /** Reachability check used when there is nothing to send (navigator.onLine lies on a LAN without internet). */
  probe?: () => Promise<boolean>;
  random?: () => number;
  onChange?: (s: SyncState) => void;
  /** A run without progress for this long is taken as stalled and a new one may start (default 20 s). */
  stallMs?: number;
};
