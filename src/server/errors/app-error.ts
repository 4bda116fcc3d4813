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

/** The PostgreSQL error code of an error or of any error in its cause chain. */
function pgCode(e: unknown, depth = 0): string | undefined {
  const err = e as { code?: unknown; cause?: unknown } | null;
  if (!err || depth > 5) return undefined;
  if (typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code)) return err.code;
  return pgCode(err.cause, depth + 1);
}

/**
 * The one place where database refusals become typed errors, so a foreign or unknown id in
 * any write (a category parent, a pack, an order's warehouse…) is a 4xx, never a 500.
 * Composite tenant-first keys make another tenant's id fail the same way as a missing one.
 */
export function appErrorFromDatabase(e: unknown): AppError | null {
  switch (pgCode(e)) {
    case "23503": // foreign_key_violation
      return new AppError("NOT_FOUND", "Algo de lo que elegiste no existe (o ya no existe). Actualizá la página y probá de nuevo.");
    case "23505": // unique_violation
      return new AppError("CONFLICT", "Ya existe un registro con esos datos.");
    case "23514": // check_violation
    case "23502": // not_null_violation
    case "22001": // string_data_right_truncation
    case "22003": // numeric_value_out_of_range
    case "22007": // invalid_datetime_format
    case "22008": // datetime_field_overflow
    case "22P02": // invalid_text_representation
      return new AppError("VALIDATION", "Algún dato no tiene un formato o valor válido.");
    case "40001": // serialization_failure
    case "40P01": // deadlock_detected
      return new AppError("CONFLICT", "Otra operación cambió estos datos al mismo tiempo. Probá de nuevo.");
    default:
      return null;
  }
}
