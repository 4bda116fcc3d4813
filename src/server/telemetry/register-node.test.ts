import { afterAll, describe, expect, it } from "vitest";
import { trace } from "@opentelemetry/api";
import { registerTracing } from "./register-node";
import { currentTraceIds, inSpan } from "./tracing";

afterAll(() => trace.disable());

// Without an OTLP endpoint nothing reads spans: they are not recorded, yet log lines still get
// real trace ids (a child span shares its parent's trace id).
describe("the server's tracer provider without an exporter", () => {
  it("records nothing and still gives every span real, shared trace ids", async () => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
    registerTracing();
    const seen = await inSpan("outer", { a: 1 }, async () => {
      const outer = trace.getActiveSpan()!;
      const inner = await inSpan("inner", {}, async () => ({ ids: currentTraceIds(), recording: trace.getActiveSpan()!.isRecording() }));
      return { outer: outer.spanContext(), outerRecording: outer.isRecording(), inner };
    });
    expect(seen.outerRecording).toBe(false);
    expect(seen.inner.recording).toBe(false);
    expect(seen.outer.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(seen.outer.traceId).not.toBe("0".repeat(32));
    expect(seen.inner.ids?.traceId).toBe(seen.outer.traceId);
    expect(seen.inner.ids?.spanId).not.toBe(seen.outer.spanId);
  });
});
