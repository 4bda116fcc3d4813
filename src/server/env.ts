import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";

// Every environment variable the app, its scripts and its tests read: declared, validated and
// documented here (and in .env.example). Nothing else reads process.env (env.test.ts checks;
// client code may read NODE_ENV, which Next.js inlines at build time). `env()` is the server's
// (secrets, database); `runtimeEnv()` the values tools read before a database exists and that
// tests retune while running.
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** App role connection (not owner, not superuser, NOBYPASSRLS). Set by scripts/dev.ts when embedded. */
  DATABASE_URL: z.string().url(),
  /** Owner role connection, used only by migrations and seeds. */
  DATABASE_OWNER_URL: z.string().url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  /**
   * "false" behind a transaction-mode pooler (PgBouncer, Supavisor) that cannot keep named
   * prepared statements per server connection; every query then goes unnamed.
   */
  DATABASE_PREPARE: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  /** Signs session tokens. No default anywhere: development generates one into .data/. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET: usá al menos 32 caracteres aleatorios"),
  NEXTAUTH_URL: z.string().url().optional(),
  /** 32-byte key (base64) encrypting AFIP private keys at rest. Development generates one into .data/. */
  FISCAL_KEY_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "FISCAL_KEY_ENCRYPTION_KEY: 32 bytes en base64"),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  INNGEST_DEV: z.string().optional(),
  /** Reverse proxies in front of the app whose X-Forwarded-For entry is trusted (0 = the socket address). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** SMTP server the outbox is delivered through (smtp://user:pass@host:587 or smtps://…:465), by the deliver-mail cron. Without it, e-mails wait in the outbox (/dev/correo in development). */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().max(254).default("Mostrador <no-responder@mostrador.local>"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

/** Secrets every production deployment must set itself; no published default exists for them. */
const PRODUCTION_REQUIRED = ["NEXTAUTH_SECRET", "FISCAL_KEY_ENCRYPTION_KEY", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"] as const;

/**
 * Development and tests: random secrets generated once and kept in the git-ignored .data
 * folder (so sessions survive restarts). Never in production.
 */
function developmentSecrets(): { NEXTAUTH_SECRET: string; FISCAL_KEY_ENCRYPTION_KEY: string } {
  const dir = path.resolve(process.cwd(), ".data");
  const file = path.join(dir, "dev-secrets.json");
  if (existsSync(file)) {
    try {
      const s = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
      if (s.NEXTAUTH_SECRET && s.FISCAL_KEY_ENCRYPTION_KEY) return { NEXTAUTH_SECRET: s.NEXTAUTH_SECRET, FISCAL_KEY_ENCRYPTION_KEY: s.FISCAL_KEY_ENCRYPTION_KEY };
    } catch {
      // unreadable: write a fresh one below
    }
  }
  const fresh = { NEXTAUTH_SECRET: randomBytes(32).toString("base64"), FISCAL_KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  mkdirSync(dir, { recursive: true });
  // "wx": two processes starting at once keep the first file.
  try {
    writeFileSync(file, JSON.stringify(fresh), { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
    return fresh;
  } catch {
    return developmentSecrets();
  }
}

/** Parses an environment (pure, for tests); throws naming the variables that are wrong or missing. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const production = source.NODE_ENV === "production";
  if (production) {
    const missing = PRODUCTION_REQUIRED.filter((k) => !source[k]);
    if (missing.length > 0) throw new Error(`Invalid environment: production requires ${missing.join(", ")}`);
    // The Inngest SDK in dev mode skips signature checks: never in production.
    if (source.INNGEST_DEV) throw new Error("Invalid environment: INNGEST_DEV must not be set in production");
    const fake = fakeArcaConfigError(source);
    if (fake) throw new Error(`Invalid environment: ${fake}`);
  }
  const withDev = production
    ? source
    : { ...source, ...Object.fromEntries(Object.entries(devSecretsIfMissing(source)).filter(([, v]) => v !== undefined)) };
  const parsed = ZEnv.safeParse(withDev);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  return parsed.data;
}

function devSecretsIfMissing(source: Record<string, string | undefined>) {
  if (source.NEXTAUTH_SECRET && source.FISCAL_KEY_ENCRYPTION_KEY) return {};
  const dev = developmentSecrets();
  return {
    NEXTAUTH_SECRET: source.NEXTAUTH_SECRET ? undefined : dev.NEXTAUTH_SECRET,
    FISCAL_KEY_ENCRYPTION_KEY: source.FISCAL_KEY_ENCRYPTION_KEY ? undefined : dev.FISCAL_KEY_ENCRYPTION_KEY,
  };
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
type FakeArcaSource = { NODE_ENV?: string; E2E?: string; FAKE_AFIP_URL?: string };

/**
 * A production environment that mentions the fake ARCA must be the e2e server's explicit setup:
 * E2E=1 together with FAKE_AFIP_URL on a loopback address (a separate local process). Anything
 * else is a configuration error that stops the server (parseEnv). Null when nothing is wrong.
 */
function fakeArcaConfigError(source: FakeArcaSource): string | null {
  if (source.NODE_ENV !== "production") return null;
  const url = source.FAKE_AFIP_URL;
  if (source.E2E !== "1") return url ? "FAKE_AFIP_URL must not be set in production (only the e2e server, E2E=1, may use the fake ARCA)" : null;
  if (!url) return "E2E=1 in production needs FAKE_AFIP_URL (a fake ARCA started as a separate local process)";
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return "FAKE_AFIP_URL: not a URL";
  }
  return LOOPBACK.has(host) ? null : "FAKE_AFIP_URL must point to this machine (127.0.0.1, localhost or [::1]) in the e2e server";
}

/**
 * Why this process may not talk to the fake ARCA, or null when it may. Outside production it
 * always may; a production build only as the e2e server with its configured local stand-in,
 * so a real deployment never issues against a stand-in nor starts one in-process.
 */
export function fakeArcaRefusal(source: FakeArcaSource): string | null {
  if (source.NODE_ENV !== "production") return null;
  if (source.E2E !== "1") return "the fake ARCA cannot be used in production";
  return fakeArcaConfigError(source);
}

/** Validated lazily so build steps that never touch the server do not need a database. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

const port = z.coerce.number().int().min(0).max(65535);

/** Variables that may change while a process runs (tests retune them) or that tools read before a database exists. */
const ZRuntimeEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Deadline of each AFIP SOAP call, ms. A FECAESolicitar past it is recovered, never re-sent blind. */
  AFIP_TIMEOUT_MS: z.coerce.number().int().positive().max(600_000).default(30_000),
  /**
   * An already running fake AFIP (tests, demos); otherwise dev starts one in-process. In a
   * production build only with E2E=1 and a loopback address (fakeArcaRefusal).
   */
  FAKE_AFIP_URL: z.url().optional(),
  /** Where the in-process / scripted fake AFIP keeps its CA and numbering. */
  FAKE_AFIP_DIR: z.string().max(500).default(".data/fake-afip"),
  /** Port of the fake AFIP (0 = any free port in-process; `npm run fake-afip` defaults to 8090). */
  FAKE_AFIP_PORT: port.optional(),
  INNGEST_SIGNING_KEY: z.string().max(500).optional(),
  /** "1": talk to a local Inngest dev server. Unset: dev mode when not production and no signing key. */
  INNGEST_DEV: z.string().max(200).optional(),
  DATABASE_URL: z.url().optional(),
  DATABASE_OWNER_URL: z.url().optional(),
  /** Superuser URL: when given, scripts create the two roles and the database themselves. */
  DATABASE_ADMIN_URL: z.url().optional(),
  /** Port of the embedded PostgreSQL of `npm run dev`. */
  PG_PORT: port.default(54320),
  /** Port of `npm run dev` / `next start`. */
  PORT: port.default(3000),
  /** Playwright's app server port, and E2E_DEV=1 to run `next dev` instead of the build. */
  E2E_PORT: port.default(3210),
  E2E_DEV: z.string().max(10).optional(),
  /** Chromium for Playwright (default /usr/bin/chromium). */
  CHROMIUM_PATH: z.string().max(500).optional(),
  /** Superuser URL of an external server for the test suite (default: embedded in .data/pg-test). */
  TEST_DATABASE_ADMIN_URL: z.url().optional(),
  /** Set by the test setup: superuser URL of this test file's database. */
  TEST_ADMIN_DB_URL: z.url().optional(),
  /** Set by scripts/serve.mjs per start: vouches for the client address it forwards (not set by hand). */
  MOSTRADOR_EDGE_TOKEN: z.string().max(200).optional(),
  /** "1" while the e2e server runs (production build, stand-ins allowed where documented). */
  E2E: z.string().max(10).optional(),
  /** "1": a trace event per SQL statement (tracing). */
  MOSTRADOR_OBSERVE_QUERIES: z.string().max(10).optional(),
  /** The commit /api/health reports (the image sets it from its build argument). */
  MOSTRADOR_COMMIT: z.string().max(100).default("dev"),
  /** OpenTelemetry over OTLP/HTTP: traces are exported only when an endpoint is set. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
});

export type RuntimeEnv = z.infer<typeof ZRuntimeEnv>;

/**
 * The variables tools and runtime-tunable code read, validated on every call (cheap; tests
 * retune AFIP_TIMEOUT_MS or FAKE_AFIP_URL between cases). A bad value throws, never NaN.
 */
export function runtimeEnv(source: Record<string, string | undefined> = process.env): RuntimeEnv {
  const parsed = ZRuntimeEnv.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  return parsed.data;
}

/** Every declared variable (env.test.ts checks each is documented in .env.example). */
export const ENV_KEYS = [...new Set([...Object.keys(ZEnv.shape), ...Object.keys(ZRuntimeEnv.shape)])];
