import { z } from "zod";

// Every environment variable the app, its scripts and its tests read: declared, validated and
// documented here (and in .env.example). Nothing else reads process.env (env.test.ts checks;
// client code may read NODE_ENV, which Next.js inlines at build time).

const port = z.coerce.number().int().min(0).max(65535);

/** Variables that may change while a process runs (tests retune them) or that tools read before a database exists. */
const ZRuntimeEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** 32-byte key (base64) encrypting AFIP private keys at rest. Required in production. */
  FISCAL_KEY_ENCRYPTION_KEY: z.string().max(200).optional(),
  /** Deadline of each AFIP SOAP call, ms. A FECAESolicitar past it is recovered, never re-sent blind. */
  AFIP_TIMEOUT_MS: z.coerce.number().int().positive().max(600_000).default(30_000),
  /** An already running fake AFIP (tests, demos); otherwise dev starts one in-process. */
  FAKE_AFIP_URL: z.url().optional(),
  /** Where the in-process / scripted fake AFIP keeps its CA and numbering. */
  FAKE_AFIP_DIR: z.string().max(500).default(".data/fake-afip"),
  /** Port of the fake AFIP (0 = any free port in-process; `npm run fake-afip` defaults to 8090). */
  FAKE_AFIP_PORT: port.optional(),
  INNGEST_EVENT_KEY: z.string().max(500).optional(),
  INNGEST_SIGNING_KEY: z.string().max(500).optional(),
  /** "1": talk to a local Inngest dev server. Unset: dev mode when not production and no signing key. */
  INNGEST_DEV: z.string().max(200).optional(),
  /** App role connection (not owner, not superuser, NOBYPASSRLS). Set by scripts/dev.ts when embedded. */
  DATABASE_URL: z.url().optional(),
  /** Owner role connection, used only by migrations and seeds. */
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
});

const ZEnv = ZRuntimeEnv.extend({
  DATABASE_URL: z.url(),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().max(500).default(10),
  /**
   * "false" behind a transaction-mode pooler (PgBouncer, Supavisor) that cannot keep named
   * prepared statements per server connection; every query then goes unnamed.
   */
  DATABASE_PREPARE: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  NEXTAUTH_SECRET: z.string().min(16).default("dev-only-secret-change-me-please"),
  NEXTAUTH_URL: z.url().optional(),
});

export type Env = z.infer<typeof ZEnv>;
export type RuntimeEnv = z.infer<typeof ZRuntimeEnv>;

function parse<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  return parsed.data;
}

/**
 * The variables tools and runtime-tunable code read, validated on every call (cheap; tests
 * retune AFIP_TIMEOUT_MS or FAKE_AFIP_URL between cases). A bad value throws, never NaN.
 */
export function runtimeEnv(source: Record<string, string | undefined> = process.env): RuntimeEnv {
  return parse(ZRuntimeEnv, source);
}

let cached: Env | undefined;

/** The server's environment (database, auth), validated once, lazily: build steps need no database. */
export function env(): Env {
  if (cached) return cached;
  const parsed = parse(ZEnv, process.env);
  if (parsed.NODE_ENV === "production" && parsed.NEXTAUTH_SECRET.startsWith("dev-only")) {
    throw new Error("Invalid environment: NEXTAUTH_SECRET must be set in production");
  }
  cached = parsed;
  return cached;
}

/** Every declared variable (env.test.ts checks each is documented in .env.example). */
export const ENV_KEYS = Object.keys(ZEnv.shape) as (keyof Env)[];
