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
  NEXTAUTH_SECRET: z.string().min(16).default("dev-only-secret-change-me-please"),
  NEXTAUTH_URL: z.string().url().optional(),
  /** 32-byte key (base64) encrypting AFIP private keys at rest. */
  FISCAL_KEY_ENCRYPTION_KEY: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

/** Validated lazily so build steps that never touch the server do not need a database. */
export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  if (parsed.data.NODE_ENV === "production" && parsed.data.NEXTAUTH_SECRET.startsWith("dev-only")) {
    throw new Error("Invalid environment: NEXTAUTH_SECRET must be set in production");
  }
  cached = parsed.data;
  return cached;
}
