import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { tenantToday } from "./common";
import { scanExpiringLots, scanPayableAlerts } from "./scan-alerts";

export const ZRunDailyAlertsResponse = z.object({
  today: z.string(),
  windowDays: z.number(),
  payables: z.object({ created: z.number(), dueSoon: z.number(), overdue: z.number() }),
  lots: z.object({ created: z.number(), lots: z.number() }),
});
export type TRunDailyAlertsResponse = z.infer<typeof ZRunDailyAlertsResponse>;

/** The daily alerts of one tenant (payables due soon/overdue, lots expiring within the tenant's window). */
export async function runDailyAlerts(tx: Tx, opts: { today?: string } = {}) {
  const today = opts.today ?? (await tenantToday(tx));
  const [t] = await tx.execute<{ days: number | null }>(sql`
    select (settings->>'expiryAlertDays')::int as days from tenants where id = (select nullif(current_setting('app.current_tenant', true), '')::uuid)`);
  const windowDays = t?.days ?? 15;
  const payables = await scanPayableAlerts(tx, today);
  const lots = await scanExpiringLots(tx, today, windowDays);
  return { today, windowDays, payables, lots };
}
