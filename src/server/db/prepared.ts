import "server-only";
import type { SQL } from "drizzle-orm";
import type { Tx } from "./client";
import { env } from "../env";

// Hot-path statements, sent the cheap way. Drizzle's `execute` sends every statement unnamed,
// and postgres.js then asks the server for the parameter types first (Parse + Describe, wait,
// Bind + Execute): two round trips per statement, and no pipelining behind it. A named
// prepared statement costs that once per connection; after that it is one Bind + Execute, and
// several can be in flight at once on the transaction's connection.

type DrizzleInternals = {
  dialect?: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  session?: { client?: { unsafe(q: string, params: unknown[], o: { prepare: boolean }): Promise<unknown> } };
};

/**
 * Starts one statement as a prepared statement on the transaction's connection (postgres.js
 * keeps it per connection by its text). DATABASE_PREPARE=false (a transaction-mode pooler)
 * turns named statements off here too. Falls back to `tx.execute` if Drizzle's internals
 * ever change shape.
 */
export function send<T>(tx: Tx, query: SQL): Promise<T[]> {
  const { dialect, session } = tx as unknown as DrizzleInternals;
  if (dialect?.sqlToQuery && session?.client?.unsafe) {
    const q = dialect.sqlToQuery(query);
    return session.client.unsafe(q.sql, q.params, { prepare: env().DATABASE_PREPARE }) as Promise<T[]>;
  }
  return tx.execute(query).then((rows) => [...rows] as T[]);
}

/**
 * Several statements in ONE round trip: all are sent before the first answer is awaited. The
 * server still runs them one after another, each with its own snapshot (READ COMMITTED), so a
 * statement sees what committed while an earlier one waited for a lock — exactly as if they
 * were awaited one by one. The first failure (in order) is thrown; the ones behind it only fail
 * because the transaction is aborted.
 */
export async function pipeline<T extends unknown[][]>(tx: Tx, queries: { [K in keyof T]: SQL | null }): Promise<T> {
  const started = (queries as (SQL | null)[]).map((q) => (q ? send(tx, q) : Promise.resolve([])));
  const settled = await Promise.allSettled(started);
  for (const s of settled) if (s.status === "rejected") throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown[]>).value) as T;
}
