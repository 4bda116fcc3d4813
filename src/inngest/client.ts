import { Inngest, Middleware } from "inngest";
import { runtimeEnv, type RuntimeEnv } from "@/server/env";
import { log } from "@/server/log";
import { inSpan } from "@/server/telemetry/tracing";

/** A span per function run and per step execution (memoized steps are not re-run, so no span). */
class TracingMiddleware extends Middleware.BaseMiddleware {
  readonly id = "mostrador-tracing";
  override wrapFunctionHandler({ fn, next }: Middleware.WrapFunctionHandlerArgs) {
    return inSpan(`inngest ${fn.id()}`, { "faas.trigger": "inngest", "inngest.function": fn.id() }, () => next());
  }
  override wrapStepHandler({ fn, stepInfo, next }: Middleware.WrapStepHandlerArgs) {
    return inSpan(`inngest.step ${stepInfo.options.id}`, { "inngest.function": fn.id(), "inngest.step": stepInfo.options.id }, () => next());
  }
}

// One Inngest client for the app. Dev: `npx inngest-cli dev -u http://localhost:3000/api/inngest`
// (INNGEST_DEV=1). Production: INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY (Inngest Cloud or self-hosted).
const devMode = (e: RuntimeEnv) => (e.INNGEST_DEV === undefined && e.NODE_ENV !== "production" && !e.INNGEST_SIGNING_KEY ? { isDev: true } : {});

export const inngest = new Inngest({
  id: "mostrador",
  // Function logs (ctx.logger) and the SDK's own go through pino: JSON lines with trace ids.
  logger: log,
  middleware: [TracingMiddleware],
  // INNGEST_DEV wins when set; otherwise development without a signing key talks to the local dev server.
  ...devMode(runtimeEnv()),
});

export const FISCAL_DOCUMENT_REQUESTED = "fiscal/document.requested";
export type FiscalDocumentRequested = {
  tenantId: string;
  documentId: string;
  /** tenant + point of sale + type: the concurrency key serializing AFIP numbering. */
  seriesKey: string;
};
