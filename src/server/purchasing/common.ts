import "server-only";
import { sql } from "drizzle-orm";
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

export { isoTs, pgArray } from "../db/sql-helpers";
