// Outcomes of issuing that should be retried later (Inngest retries with backoff).
export class FiscalRetryableError extends Error {
  /** Inngest time string or ms; undefined = default backoff. */
  readonly retryAfter?: string;
  constructor(message: string, retryAfter?: string) {
    super(message);
    this.name = "FiscalRetryableError";
    this.retryAfter = retryAfter;
  }
}
