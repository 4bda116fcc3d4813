import { AlwaysOffSampler, BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { runtimeEnv } from "../env";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";

/**
 * The tracer provider of the Node.js server. Spans always get real ids (so every log line
 * carries a trace id); they are exported over OTLP/HTTP only when an endpoint is configured
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, e.g. a collector, Jaeger,
 * Grafana Tempo). OTEL_SERVICE_NAME names the service (default "mostrador"). With no endpoint
 * nothing would read a span, so none is recorded: the sampler says no, and every span is a
 * non-recording one that still has its trace and span ids (what the log lines carry) but
 * costs no attributes, events or timings on the request path.
 */
export function registerTracing(): void {
  process.env.OTEL_SERVICE_NAME ??= "mostrador";
  const endpoint = runtimeEnv().OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? runtimeEnv().OTEL_EXPORTER_OTLP_ENDPOINT;
  const spanProcessors: SpanProcessor[] = endpoint ? [new BatchSpanProcessor(new OTLPTraceExporter())] : [];
  new NodeTracerProvider({ spanProcessors, ...(endpoint ? {} : { sampler: new AlwaysOffSampler() }) }).register();
}
