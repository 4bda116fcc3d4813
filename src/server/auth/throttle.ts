import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../db/client";

// Failed credential checks (sign-in, a supervisor's authorisation) are counted per key
// (account, client IP) in Postgres, shared by every app instance. No lock-outs: from the
// FREE_FAILURES-th failure on, the key must wait a delay (5 s) that doubles with each failure.
// An account's delay is capped low, so knowing a victim's e-mail never locks them out; an
// IP's delay grows to a quarter of an hour. A quiet day forgets the failures.
const FREE_FAILURES = 3;
const CAP_SECONDS = { email: 60, ip: 15 * 60 } as const;
const FORGET_AFTER = "24 hours";

export type ThrottleKey = `email:${string}` | `ip:${string}`;
export const throttleKeys = (email: string, ip: string): ThrottleKey[] => [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];

/** True while any key still has to wait. Run it (and answer RATE_LIMITED) before checking credentials. */
export async function isThrottled(keys: ThrottleKey[]): Promise<boolean> {
  const rows = await getDb().execute<{ waiting: boolean }>(sql`
    select exists(select 1 from login_attempts where key in ${keys} and locked_until > now()) as waiting`);
  return rows[0]?.waiting ?? false;
}

/** One failure for every key: count it and set the growing delay, in one statement per key. */
export async function recordFailure(keys: ThrottleKey[]): Promise<void> {
  for (const key of keys) {
    const cap = key.startsWith("email:") ? CAP_SECONDS.email : CAP_SECONDS.ip;
    const failures = sql`(case when a.window_start < now() - ${FORGET_AFTER}::interval then 1 else a.failures + 1 end)`;
    await getDb().execute(sql`
      insert into login_attempts as a (key, failures, window_start) values (${key}, 1, now())
      on conflict (key) do update set
        failures = ${failures},
        window_start = now(),
        locked_until = case when ${failures} >= ${FREE_FAILURES}
          then now() + make_interval(secs => least(${cap}::int, 5 * power(2, ${failures} - ${FREE_FAILURES})::int))
          else null end`);
  }
}

export async function clearFailures(keys: ThrottleKey[]): Promise<void> {
  await getDb().execute(sql`delete from login_attempts where key in ${keys}`);
}
