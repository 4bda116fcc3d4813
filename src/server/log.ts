import "server-only";
import pino from "pino";
import { runtimeEnv } from "./env";

// Structured JSON logs; every request logs with its request id.
export const log = pino({
  level: runtimeEnv().LOG_LEVEL,
  base: { app: "mostrador" },
  redact: { paths: ["password", "*.password", "privateKey", "*.privateKey", "input.password"], remove: true },
});
