import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../db/client";

// Failed sign-ins are counted per account and per IP in Postgres (shared by every app
// instance). 5 failures within 15 minutes lock that key for 15 minutes.
const MAX_FAILURES = 5;
const WINDOW = "15 minutes";

export async function isLocked(keys: string[]): Promise<boolean> {
  const rows = await getDb().execute<{ locked: boolean }>(sql`
    select exists(select 1 from login_attempts where key in ${keys} and locked_until > now()) as locked`);
  return rows[0]?.locked ?? false;
}

export async function recordFailure(keys: string[]): Promise<void> {
  for (const key of keys) {
    // One statement: reset an expired window, count, and lock at the threshold.
    await getDb().execute(sql`
      insert into login_attempts as a (key, failures, window_start) values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when a.window_start < now() - ${WINDOW}::interval then 1 else a.failures + 1 end,
        window_start = case when a.window_start < now() - ${WINDOW}::interval then now() else a.window_start end,
        locked_until = case when (case when a.window_start < now() - ${WINDOW}::interval then 1 else a.failures + 1 end) >= ${MAX_FAILURES}
                            then now() + ${WINDOW}::interval else a.locked_until end`);
  }
}

export async function clearFailures(key: string): Promise<void> {
  await getDb().execute(sql`delete from login_attempts where key = ${key}`);
}
