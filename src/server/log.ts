import "server-only";
import pino from "pino";

// Structured JSON logs; every request logs with its request id.
export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "mostrador" },
  redact: { paths: ["password", "*.password", "privateKey", "*.privateKey", "input.password"], remove: true },
});
