/**
 * Deadlocks (40P01) and serialization failures (40001) abort a transaction through no fault
 * of the request: PostgreSQL picked it as the victim. Running the whole transaction again is
 * the documented remedy, so the doors to tenant data retry them a bounded number of times and
 * the user never sees them. Safe because a retried transaction starts from scratch (nothing of
 * the aborted one committed) and writes that must happen once are keyed (sales by their id).
 */
const TRANSIENT_SQLSTATES = new Set(["40P01", "40001"]);

/** Attempts in all (the first one plus retries). */
export const MAX_TX_ATTEMPTS = 4;

/** The SQLSTATE of a PostgreSQL error, looked up through wrappers (drizzle, tRPC) by `cause`. */
export function sqlState(e: unknown): string | null {
  let cur: unknown = e;
  for (let i = 0; i < 8 && cur && typeof cur === "object"; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

export function isTransientConflict(e: unknown): boolean {
  const s = sqlState(e);
  return s !== null && TRANSIENT_SQLSTATES.has(s);
}

type RetryHooks = { onRetry?: (attempt: number, e: unknown) => void };

/**
 * Runs `run` (one whole transaction) again when it fails with a deadlock or serialization
 * failure, with a short jittered pause so the two contenders do not collide again in step.
 */
export async function retryTransient<T>(run: (attempt: number) => Promise<T>, hooks: RetryHooks = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt);
    } catch (e) {
      if (attempt >= MAX_TX_ATTEMPTS || !isTransientConflict(e)) throw e;
      hooks.onRetry?.(attempt, e);
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}
