import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { DEFAULT_TIMEZONE } from "../purchasing/common";

/** The business's time zone (tenant settings), for day boundaries of timestamps. */
export async function tenantTimeZone(tx: Tx): Promise<string> {
  const [row] = await tx.execute<{ tz: string }>(sql`
    select coalesce(settings->>'timezone', ${DEFAULT_TIMEZONE}) as tz from tenants
    where id = (select nullif(current_setting('app.current_tenant', true), '')::uuid)`);
  return row?.tz ?? DEFAULT_TIMEZONE;
}

/** A period of at most a year, from ≤ to. */
export const ZPeriod = z
  .object({ from: z.iso.date("Fecha «desde» inválida"), to: z.iso.date("Fecha «hasta» inválida") })
  .refine((p) => p.from <= p.to, { message: "La fecha «desde» debe ser anterior o igual a «hasta»", path: ["to"] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * 86_400_000, { message: "Elegí un período de hasta un año", path: ["to"] });
export type TPeriod = z.infer<typeof ZPeriod>;

/** "2026-11" → first and last day. */
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Mes inválido (aaaa-mm)");
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}
