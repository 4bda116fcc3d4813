import postgres from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import { env } from "../env";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; sql: postgres.Sql };
const globalForDb = globalThis as unknown as { __mostradorDb?: Handle };

function open(): Handle {
  const sql = postgres(env().DATABASE_URL, {
    max: env().DATABASE_POOL_MAX,
    prepare: env().DATABASE_PREPARE,
    onnotice: () => {},
    // numeric stays a string: decimals end to end, never floats.
    types: {},
  });
  return { sql, db: drizzle(sql, { schema, casing: "snake_case" }) };
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
