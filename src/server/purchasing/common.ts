import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { zCost, zMoney, zQuantity } from "@/lib/schemas/decimal";
import { ZId } from "@/lib/schemas/ids";

export { TENANT, type Actor } from "../inventory/ledger";

export const DEFAULT_TIMEZONE = "America/Argentina/Buenos_Aires";

/** Today's date (YYYY-MM-DD) in the business's time zone. */
export async function tenantToday(tx: Tx): Promise<string> {
  const [row] = await tx.execute<{ today: string }>(sql`
    select (now() at time zone coalesce((select settings->>'timezone' from tenants
             where id = (select nullif(current_setting('app.current_tenant', true), '')::uuid)), ${DEFAULT_TIMEZONE}))::date::text as today`);
  return row!.today;
}

/** Today in a time zone, computed in JS (for callers without a transaction). */
export function todayIn(timeZone = DEFAULT_TIMEZONE, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export const ZDate = z.iso.date("Fecha inválida");
export const ZMoney = zMoney("Importe");
export const ZQty = zQuantity("Cantidad");
export const ZCost = zCost("Costo");
export const ZUuid = ZId;

export const orderNumberLabel = (n: number) => `OC-${String(n).padStart(6, "0")}`;

/** A timestamptz as an ISO string in UTC (raw execute returns Postgres' own text format). */
export const isoTs = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A JS array as ONE typed Postgres array parameter (drizzle would expand a raw array into a
 * parenthesised list). Elements are quoted and escaped in the array-literal syntax.
 */
const ARRAY_CASTS = { uuid: sql`uuid[]`, text: sql`text[]`, numeric: sql`numeric[]` } as const;

export function pgArray(values: string[], type: "uuid" | "text" | "numeric") {
  const literal = `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
  return sql`${literal}::${ARRAY_CASTS[type]}`;
}
