import { isSpanContextValid, SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";

// Spans through the OpenTelemetry API only: without a registered provider (tests, scripts)
// they cost nothing; src/instrumentation.ts registers the SDK in the Next.js server.
export const tracer = trace.getTracer("mostrador");

/** Runs `fn` inside an active span: errors are recorded on it, the span always ends. */
export function inSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn();
    } catch (e) {
      span.recordException(e instanceof Error ? e : String(e));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw e;
    } finally {
      span.end();
    }
  });
}

/** The active trace id (for log lines), if a real span is active. */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  const ctx = trace.getActiveSpan()?.spanContext();
  return ctx && isSpanContextValid(ctx) ? { traceId: ctx.traceId, spanId: ctx.spanId } : undefined;
}

/** A point event on the active span (one per database statement, cheaper than a span each). */
export function spanEvent(name: string, attributes: Attributes): void {
  trace.getActiveSpan()?.addEvent(name, attributes);
}
