import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

/** Supervisor view: recent sessions with expected vs declared and the review state. */
export async function listCashSessions(tx: Tx, opts: { onlyPending?: boolean; limit?: number } = {}) {
  const rows = await tx.execute<{
    id: string;
    register_name: string;
    status: "OPEN" | "CLOSED";
    opening_float: string;
    opened_at: Date;
    closed_at: Date | null;
    opened_by_name: string | null;
    expected_total: string;
    declared_total: string | null;
    deviation: string | null;
    deviation_pct: string | null;
    deviation_class: "NORMAL" | "WARNING" | "CRITICAL" | null;
    review: "NOT_REQUIRED" | "PENDING" | "JUSTIFIED" | null;
    justification: string | null;
  }>(sql`
    select s.id, r.name as register_name, s.status, s.opening_float, s.opened_at, s.closed_at, u.name as opened_by_name,
           coalesce(c.expected_total, s.opening_float + coalesce((select sum(m.amount) from cash_movements m where m.cash_session_id = s.id), 0))::text as expected_total,
           c.declared_total, c.deviation, c.deviation_pct, c.deviation_class, c.review, c.justification
    from cash_sessions s
    join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
    left join users u on u.id = s.opened_by
    left join cash_session_closings c on c.tenant_id = s.tenant_id and c.cash_session_id = s.id
    ${opts.onlyPending ? sql`where c.review = 'PENDING'` : sql``}
    order by (c.review = 'PENDING') desc nulls last, s.opened_at desc
    limit ${opts.limit ?? 50}`);
  return [...rows];
}
