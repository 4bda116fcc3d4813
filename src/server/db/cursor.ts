import "server-only";
import type { SQL } from "drizzle-orm";
import type postgres from "postgres";
import type { Tx } from "./client";

type DriverTx = { dialect: { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } }; session: { client: postgres.Sql } };

/**
 * Rows of one query in batches through a server-side cursor inside the caller's transaction:
 * one query plan, one pass, bounded memory (exports of a whole month). Drizzle has no cursor
 * API, so this reaches the postgres.js transaction under it — the only place that does.
 */
export async function* cursorRows<T extends Record<string, unknown>>(tx: Tx, query: SQL, batchSize = 2000): AsyncGenerator<T[]> {
  const driver = tx as unknown as DriverTx;
  const q = driver.dialect.sqlToQuery(query);
  const cursor = driver.session.client.unsafe(q.sql, q.params as postgres.ParameterOrJSON<never>[]).cursor(batchSize);
  for await (const rows of cursor) yield rows as unknown as T[];
}
