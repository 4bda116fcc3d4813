import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";

const DRIZZLE_DIR = path.resolve(process.cwd(), "drizzle");

/**
 * Applies drizzle-kit's generated migrations, then the hand-written SQL in drizzle/sql/
 * (RLS FORCE + policies, grants, triggers, SECURITY DEFINER lookups). The SQL files are
 * idempotent and re-run on every migrate, so a new tenant table gets RLS automatically.
 */
export async function runMigrations(ownerUrl: string, appRole: string): Promise<void> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`create extension if not exists pg_trgm`;
    await migrate(drizzle(sql), { migrationsFolder: DRIZZLE_DIR });
    const files = readdirSync(path.join(DRIZZLE_DIR, "sql"))
      .filter((f) => f.endsWith(".sql"))
      .sort();
    for (const file of files) {
      const text = readFileSync(path.join(DRIZZLE_DIR, "sql", file), "utf8");
      await sql.begin(async (tx) => {
        await tx`select set_config('mostrador.app_role', ${appRole}, true)`;
        await tx.unsafe(text);
      });
    }
  } finally {
    await sql.end();
  }
}
