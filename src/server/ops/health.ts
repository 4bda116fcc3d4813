import "server-only";
import { runtimeEnv } from "../env";
import { sql } from "drizzle-orm";
import journal from "../../../drizzle/meta/_journal.json";
import pkg from "../../../package.json";
import { withAnonymous } from "../db/with-tenant";

export type MigrationState = { applied: number; expected: number; pending: string[]; upToDate: boolean };
export type Health = {
  status: "ok" | "error";
  version: string;
  commit: string;
  database: "ok" | "unreachable";
  migrations: MigrationState | null;
  ms: number;
};

/** What this build was made from: package version and the commit given at build time. */
export const build = { version: pkg.version, commit: runtimeEnv().MOSTRADOR_COMMIT };

/**
 * The database answers, and which of this build's migrations it has. Drizzle records each
 * applied migration with its folder timestamp (`when` in the journal), so every journal
 * entry newer than the newest recorded one is pending: an instance of a newer build reports
 * not-ready until `migrate` has run.
 */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const last = await withAnonymous(async (tx) => {
      const rows = await tx.execute<{ last: string | null }>(sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`);
      return Number(rows[0]?.last ?? 0);
    });
    const pending = journal.entries.filter((e) => e.when > last).map((e) => e.tag);
    return {
      status: "ok",
      ...build,
      database: "ok",
      migrations: { applied: journal.entries.length - pending.length, expected: journal.entries.length, pending, upToDate: pending.length === 0 },
      ms: ms(),
    };
  } catch {
    return { status: "error", ...build, database: "unreachable", migrations: null, ms: ms() };
  }
}
