import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import type { Period } from "@/lib/report-period";
import { TENANT, m2, q3 } from "./common";
import { getFiscalSummary } from "./get-fiscal-summary";

export type OperationsSnapshot = {
  today: string;
  /** Blind closings declared in the period. */
  cash: { closings: number; deviation: string; absDeviation: string; critical: number; pendingReview: number };
  /** Open payables due from today to 6 days ahead, and those already overdue. */
  payables: { dueCount: number; dueAmount: string; overdueCount: number; overdueAmount: string };
  /** Lots with stock expiring from today to `days` ahead (tenant setting expiryAlertDays), at cost. */
  expiring: { days: number; lots: number; quantity: string; value: string };
  /** Active stocked products whose total stock is under their minimum. */
  belowMinimum: number;
  fiscal: { pending: number; rejected: number };
};

/** The "what is about to go wrong" tiles of the dashboard. */
export async function getOperationsSnapshot(tx: Tx, p: Period): Promise<OperationsSnapshot> {
  const [r] = await tx.execute<{
    today: string;
    closings: number;
    deviation: string;
    abs_deviation: string;
    critical: number;
    pending_review: number;
    due_count: number;
    due_amount: string;
    overdue_count: number;
    overdue_amount: string;
    days: number;
    lots: number;
    quantity: string;
    value: string;
    below_min: number;
  }>(sql`
    with clock as (
      select (now() at time zone reports_tz())::date as today,
             coalesce((select (settings->>'expiryAlertDays')::int from tenants where id = ${TENANT}), 15) as days
    ),
    c as (
      select count(*)::int as closings, ${m2(sql`sum(deviation)`)} as deviation, ${m2(sql`sum(abs(deviation))`)} as abs_deviation,
             (count(*) filter (where deviation_class = 'CRITICAL'))::int as critical,
             (count(*) filter (where review = 'PENDING'))::int as pending_review
      from cash_session_closings
      where tenant_id = ${TENANT} and (declared_at at time zone reports_tz())::date between ${p.from}::date and ${p.to}::date
    ),
    pay as (
      select (count(*) filter (where due_on >= clock.today and due_on <= clock.today + 6))::int as due_count,
             ${m2(sql`sum(balance) filter (where due_on >= clock.today and due_on <= clock.today + 6)`)} as due_amount,
             (count(*) filter (where due_on < clock.today))::int as overdue_count,
             ${m2(sql`sum(balance) filter (where due_on < clock.today)`)} as overdue_amount
      from payables, clock where tenant_id = ${TENANT} and balance > 0
    ),
    exp as (
      select count(*)::int as lots, ${q3(sql`sum(quantity)`)} as quantity, ${m2(sql`sum(quantity * unit_cost)`)} as value
      from lots, clock
      where tenant_id = ${TENANT} and quantity > 0 and expires_at is not null and expires_at >= clock.today and expires_at <= clock.today + clock.days
    ),
    low as (
      select count(*)::int as below_min from products x
      where x.tenant_id = ${TENANT} and x.active and not x.is_service and x.stock_min > 0
        and coalesce((select sum(s.quantity) from stock_levels s where s.tenant_id = x.tenant_id and s.product_id = x.id), 0) < x.stock_min
    )
    select clock.today::text as today, clock.days, c.*, pay.*, exp.*, low.* from clock, c, pay, exp, low`);
  const fiscal = await getFiscalSummary(tx, p);
  const x = r!;
  return {
    today: x.today,
    cash: { closings: x.closings, deviation: x.deviation, absDeviation: x.abs_deviation, critical: x.critical, pendingReview: x.pending_review },
    payables: { dueCount: x.due_count, dueAmount: x.due_amount, overdueCount: x.overdue_count, overdueAmount: x.overdue_amount },
    expiring: { days: Number(x.days), lots: x.lots, quantity: x.quantity, value: x.value },
    belowMinimum: x.below_min,
    fiscal: { pending: fiscal.pending, rejected: fiscal.rejected },
  };
}
