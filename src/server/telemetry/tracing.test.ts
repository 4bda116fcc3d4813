import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { makeTenant } from "../../test/factories";
import { callerFor } from "../../test/caller";
import { log } from "../log";
import { inSpan } from "./tracing";

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
beforeAll(() => provider.register());
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
});

describe("traces", () => {
  it("a tRPC call is a span with its transaction nested and one event per statement", async () => {
    const t = await makeTenant("Trazas");
    exporter.reset();
    await callerFor(t.ownerId, t.slug).pos.registers();
    const spans = exporter.getFinishedSpans();
    const rpc = spans.find((s) => s.name === "trpc pos.registers");
    const tx = spans.find((s) => s.name === "db.transaction withSessionMembership");
    expect(rpc).toBeDefined();
    expect(tx?.parentSpanContext?.spanId).toBe(rpc!.spanContext().spanId);
    expect(tx!.spanContext().traceId).toBe(rpc!.spanContext().traceId);
    expect(tx!.events.filter((e) => e.name === "db.query").length).toBeGreaterThan(0);
  });

  it("every log line written inside a span carries its trace id", async () => {
    const mixin = (log as unknown as Record<symbol, () => Record<string, string>>)[pino.symbols.mixinSym]!;
    expect(mixin()).toEqual({});
    const inside = await inSpan("work", {}, async () => ({ ids: mixin(), span: trace.getActiveSpan()!.spanContext() }));
    expect(inside.ids).toEqual({ traceId: inside.span.traceId, spanId: inside.span.spanId });
  });
});
