import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { runtimeEnv } from "../env";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";

/**
 * The tracer provider of the Node.js server. Spans always get real ids (so every log line
 * carries a trace id); they are exported over OTLP/HTTP only when an endpoint is configured
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, e.g. a collector, Jaeger,
 * Grafana Tempo). OTEL_SERVICE_NAME names the service (default "mostrador").
 */
export function registerTracing(): void {
  process.env.OTEL_SERVICE_NAME ??= "mostrador";
  const endpoint = runtimeEnv().OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? runtimeEnv().OTEL_EXPORTER_OTLP_ENDPOINT;
  const spanProcessors: SpanProcessor[] = endpoint ? [new BatchSpanProcessor(new OTLPTraceExporter())] : [];
  new NodeTracerProvider({ spanProcessors }).register();
}
