/**
 * Domain errors. Services throw AppError with a code; the tRPC error formatter maps the
 * code to an HTTP status and the UI shows `message` (Spanish, written for the user).
 */
export const AppErrorCode = {
  /** Input failed validation beyond zod (e.g. a rule across fields). */
  VALIDATION: "VALIDATION",
  /** The row does not exist for this tenant (also what another tenant's id looks like). */
  NOT_FOUND: "NOT_FOUND",
  /** Not signed in, or the session is no longer valid. */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** Signed in but the role lacks the permission. */
  FORBIDDEN: "FORBIDDEN",
  /** A unique rule would be broken (duplicate SKU, slug taken, e-mail in use). */
  CONFLICT: "CONFLICT",
  /** A stock exit asks for more than the lots hold. `details` names product and quantities. */
  INSUFFICIENT_STOCK: "INSUFFICIENT_STOCK",
  /** The entity is in a state that forbids the action (closed session, voided sale). */
  INVALID_STATE: "INVALID_STATE",
  /** Too many attempts (sign-in throttling, public price checker). */
  RATE_LIMITED: "RATE_LIMITED",
  /** An external system (AFIP) failed in a way worth retrying. */
  EXTERNAL: "EXTERNAL",
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Postgres unique_violation (23505), for turning races on unique keys into CONFLICT. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint_name?: string; cause?: unknown } | null;
  if (!err) return false;
  if (err.code === "23505") return constraint ? err.constraint_name === constraint : true;
  return err.cause ? isUniqueViolation(err.cause, constraint) : false;
}
