import "server-only";
import { sql, type SQL } from "drizzle-orm";

// Driver escapes live here, in server/db, so services write `any(${pgArray(ids, "uuid")})`
// instead of building Postgres literals by hand.

/** A timestamptz as an ISO string in UTC (raw execute returns Postgres' own text format). */
export const isoTs = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const ARRAY_CASTS = { uuid: sql`uuid[]`, text: sql`text[]`, numeric: sql`numeric[]` } as const;

/**
 * A JS array as ONE typed Postgres array parameter (drizzle would expand a raw array into a
 * parenthesised list). Elements are quoted and escaped in the array-literal syntax.
 */
export function pgArray(values: string[], type: "uuid" | "text" | "numeric") {
  const literal = `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
  return sql`${literal}::${ARRAY_CASTS[type]}`;
}
