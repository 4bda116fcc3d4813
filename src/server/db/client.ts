import postgres from "postgres";
import { runtimeEnv } from "../env";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import { env } from "../env";
import { spanEvent } from "../telemetry/tracing";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; sql: postgres.Sql };
/** Sees every statement the pool sends (the plan check collects the hot paths' queries with it). */
export type QueryObserver = (query: string, params: unknown[]) => void;
const globalForDb = globalThis as unknown as { __mostradorDb?: Handle; __mostradorQueryObserver?: QueryObserver };

export function observeQueries(observer: QueryObserver | undefined): void {
  globalForDb.__mostradorQueryObserver = observer;
}

function open(): Handle {
  const sql = postgres(env().DATABASE_URL, {
    max: env().DATABASE_POOL_MAX,
    prepare: env().DATABASE_PREPARE,
    onnotice: () => {},
    // Only for the plan check: with debug on, postgres.js also attaches parameters to errors.
    ...(runtimeEnv().MOSTRADOR_OBSERVE_QUERIES === "1"
      ? { debug: (_c: number, query: string, params: unknown[]) => globalForDb.__mostradorQueryObserver?.(query, params) }
      : {}),
    // numeric stays a string: decimals end to end, never floats.
    types: {},
  });
  // Each statement is an event on the active span (the transaction's): text only, never parameters.
  const logger = { logQuery: (query: string) => spanEvent("db.query", { "db.statement": query.slice(0, 2000) }) };
  return { sql, db: drizzle(sql, { schema, casing: "snake_case", logger }) };
}

/** The app-role pool. One per process (kept on globalThis across Next.js dev reloads). */
export function getDb(): Db {
  globalForDb.__mostradorDb ??= open();
  return globalForDb.__mostradorDb.db;
}

export async function closeDb(): Promise<void> {
  const h = globalForDb.__mostradorDb;
  globalForDb.__mostradorDb = undefined;
  if (h) await h.sql.end({ timeout: 5 });
}
