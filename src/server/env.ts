import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";

// Typed environment. Every variable is documented in .env.example.
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
  /** SMTP server for e-mails in production (smtp://user:pass@host:587 or smtps://…). Without it, e-mails wait in the outbox. */
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

/** Validated lazily so build steps that never touch the server do not need a database. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
