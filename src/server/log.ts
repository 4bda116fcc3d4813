import "server-only";
import pino from "pino";
import { currentTraceIds } from "./telemetry/tracing";
import { runtimeEnv } from "./env";

// Structured JSON logs; every request logs with its request id, and every line written
// inside a span carries its trace and span ids (to jump from a log line to its trace).
export const log = pino({
  level: runtimeEnv().LOG_LEVEL,
  mixin: () => currentTraceIds() ?? {},
  base: { app: "mostrador" },
  redact: { paths: ["password", "*.password", "privateKey", "*.privateKey", "input.password"], remove: true },
});
