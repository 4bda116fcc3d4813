import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { sum } from "@/lib/decimal";
import { ZPeriod, TENANT, checkPeriod, m2 } from "./common";

export const ZCashDeviationsInput = ZPeriod.extend({ by: z.enum(["day", "cashier", "register"]) });
export type TCashDeviationsInput = z.input<typeof ZCashDeviationsInput>;

export type CashDeviationRow = {
  key: string;
  label: string;
  closings: number;
  expected: string;
  declared: string;
  /** declared − expected (signed: a shortfall is negative). */
  deviation: string;
  /** Σ |deviation|: shortfalls and surpluses do not cancel out. */
  absDeviation: string;
  warning: number;
  critical: number;
  pendingReview: number;
};

/** Blind closings of the period (by the day they were declared) by day, cashier or register. */
export async function getCashDeviations(tx: Tx, raw: TCashDeviationsInput): Promise<{ rows: CashDeviationRow[]; totals: Omit<CashDeviationRow, "key" | "label"> }> {
  const input = ZCashDeviationsInput.parse(raw);
  const p = checkPeriod(input);
  const [key, label, join] =
    input.by === "day"
      ? [sql`(c.declared_at at time zone reports_tz())::date::text`, sql`to_char((c.declared_at at time zone reports_tz())::date, 'DD/MM/YYYY')`, sql``]
      : input.by === "cashier"
        ? [sql`c.declared_by::text`, sql`coalesce(u.name, '—')`, sql`left join users u on u.id = c.declared_by`]
        : [sql`s.register_id::text`, sql`coalesce(r.name, '—')`, sql`left join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id`];
  const rows = await tx.execute<{ key: string; label: string; closings: number; expected: string; declared: string; deviation: string; abs_deviation: string; warning: number; critical: number; pending_review: number }>(sql`
    select ${key} as key, min(${label}) as label, count(*)::int as closings,
           ${m2(sql`sum(c.expected_total)`)} as expected, ${m2(sql`sum(c.declared_total)`)} as declared,
           ${m2(sql`sum(c.deviation)`)} as deviation, ${m2(sql`sum(abs(c.deviation))`)} as abs_deviation,
           (count(*) filter (where c.deviation_class = 'WARNING'))::int as warning,
           (count(*) filter (where c.deviation_class = 'CRITICAL'))::int as critical,
           (count(*) filter (where c.review = 'PENDING'))::int as pending_review
    from cash_session_closings c
    join cash_sessions s on s.tenant_id = c.tenant_id and s.id = c.cash_session_id
    ${join}
    where c.tenant_id = ${TENANT}
      and c.declared_at >= (${p.from}::date::timestamp at time zone reports_tz())
      and c.declared_at < ((${p.to}::date + 1)::timestamp at time zone reports_tz())
    group by 1 order by 1`);
  const out = rows.map((r) => ({
    key: r.key,
    label: r.label,
    closings: r.closings,
    expected: r.expected,
    declared: r.declared,
    deviation: r.deviation,
    absDeviation: r.abs_deviation,
    warning: r.warning,
    critical: r.critical,
    pendingReview: r.pending_review,
  }));
  const add = (k: "expected" | "declared" | "deviation" | "absDeviation") => sum(out.map((r) => r[k])).toFixed(2);
  return {
    rows: out,
    totals: {
      closings: out.reduce((a, r) => a + r.closings, 0),
      expected: add("expected"),
      declared: add("declared"),
      deviation: add("deviation"),
      absDeviation: add("absDeviation"),
      warning: out.reduce((a, r) => a + r.warning, 0),
      critical: out.reduce((a, r) => a + r.critical, 0),
      pendingReview: out.reduce((a, r) => a + r.pendingReview, 0),
    },
  };
}
