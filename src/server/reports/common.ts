import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { daysBetween, isIsoDate, type Period } from "@/lib/report-period";

export { TENANT } from "../inventory/ledger";

/** Longest period a report reads (rollups keep it fast; this keeps a typo from asking for a century). */
export const MAX_PERIOD_DAYS = 366 * 3;

export const ZReportDate = z.string().max(10, "Fecha inválida (usá dd/mm/aaaa)").refine(isIsoDate, "Fecha inválida (usá dd/mm/aaaa)");
export const ZPeriod = z.object({ from: ZReportDate, to: ZReportDate });

/** Refuses an inverted or too long period with a Spanish message. */
export function checkPeriod(p: Period): Period {
  if (p.from > p.to) throw new AppError("VALIDATION", "La fecha «Desde» es posterior a «Hasta».", { field: "from" });
  if (daysBetween(p.from, p.to) > MAX_PERIOD_DAYS) throw new AppError("VALIDATION", "El período es demasiado largo: elegí hasta 3 años.", { field: "from" });
  return p;
}

/** The business's time zone and today's date there (the same rule the rollup triggers use). */
export async function businessClock(tx: Tx): Promise<{ timeZone: string; today: string }> {
  const [row] = await tx.execute<{ tz: string; today: string }>(sql`
    select reports_tz() as tz, (now() at time zone reports_tz())::date::text as today`);
  return { timeZone: row!.tz, today: row!.today };
}

/** A numeric aggregate as a 2-decimal string (0 when empty). */
export const m2 = (expr: ReturnType<typeof sql>) => sql`coalesce(${expr}, 0)::numeric(16,2)::text`;
export const q3 = (expr: ReturnType<typeof sql>) => sql`coalesce(${expr}, 0)::numeric(16,3)::text`;
