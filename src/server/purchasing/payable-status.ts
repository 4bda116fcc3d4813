import { sql, type SQL } from "drizzle-orm";
import { dec } from "@/lib/decimal";

// Payable status is derived, never stored: from the balance and the due date against
// "today" in the business's time zone. The TS function and the SQL expression must agree
// (payable-status.test.ts checks both at the boundaries).

export const PAYABLE_STATUSES = ["CURRENT", "DUE_SOON", "OVERDUE", "PAID"] as const;
export type PayableStatus = (typeof PAYABLE_STATUSES)[number];
/** Days ahead (inclusive) that count as due soon. */
export const DUE_SOON_DAYS = 7;

export const PAYABLE_STATUS_LABELS: Record<PayableStatus, string> = {
  CURRENT: "Al día",
  DUE_SOON: "Vence pronto",
  OVERDUE: "Vencida",
  PAID: "Pagada",
};

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/** Whole days from `today` to `dueOn` (both YYYY-MM-DD): 0 = due today, < 0 = past due. */
export const daysUntil = (dueOn: string, today: string) => dayNumber(dueOn) - dayNumber(today);

export function payableStatus(p: { balance: string; dueOn: string }, today: string): PayableStatus {
  if (!dec(p.balance).gt(0)) return "PAID"; // numeric(14,2) string, compared as a decimal
  const days = daysUntil(p.dueOn, today);
  if (days < 0) return "OVERDUE";
  if (days <= DUE_SOON_DAYS) return "DUE_SOON";
  return "CURRENT";
}

/** The same rule in SQL, for filters and aggregates (`today` is a date parameter). */
export const payableStatusSql = (balance: SQL, dueOn: SQL, today: SQL | string): SQL => sql`
  (case when ${balance} <= 0 then 'PAID'
        when ${dueOn} < ${today}::date then 'OVERDUE'
        when ${dueOn} <= ${today}::date + ${DUE_SOON_DAYS}::int then 'DUE_SOON'
        else 'CURRENT' end)`;
