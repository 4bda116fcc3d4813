import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

const DEVIATION_CLASS = z.enum(["NORMAL", "WARNING", "CRITICAL"]);

/** Timestamps as Postgres sends them through raw SQL (text). Amounts as canonical decimal text. */
export const ZListCashSessionsResponse = z.array(
  z.object({
    id: z.uuid(),
    registerName: z.string(),
    status: z.enum(["OPEN", "CLOSED"]),
    openingFloat: z.string(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    openedByName: z.string().nullable(),
    expectedTotal: z.string(),
    declaredTotal: z.string().nullable(),
    deviation: z.string().nullable(),
    deviationPct: z.string().nullable(),
    deviationClass: DEVIATION_CLASS.nullable(),
    review: z.enum(["NOT_REQUIRED", "PENDING", "JUSTIFIED"]).nullable(),
    justification: z.string().nullable(),
  }),
);
export type TListCashSessionsResponse = z.infer<typeof ZListCashSessionsResponse>;

/** Supervisor view: recent sessions with expected vs declared and the review state. */
export async function listCashSessions(tx: Tx, opts: { onlyPending?: boolean; limit?: number } = {}): Promise<TListCashSessionsResponse> {
  const rows = await tx.execute<TListCashSessionsResponse[number]>(sql`
    select s.id, r.name as "registerName", s.status, s.opening_float as "openingFloat", s.opened_at as "openedAt", s.closed_at as "closedAt",
           u.name as "openedByName",
           coalesce(c.expected_total, s.opening_float + coalesce((select sum(m.amount) from cash_movements m where m.cash_session_id = s.id), 0))::text as "expectedTotal",
           c.declared_total as "declaredTotal", c.deviation, c.deviation_pct as "deviationPct", c.deviation_class as "deviationClass", c.review, c.justification
    from cash_sessions s
    join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
    left join users u on u.id = s.opened_by
    left join cash_session_closings c on c.tenant_id = s.tenant_id and c.cash_session_id = s.id
    ${opts.onlyPending ? sql`where c.review = 'PENDING'` : sql``}
    order by (c.review = 'PENDING') desc nulls last, s.opened_at desc
    limit ${opts.limit ?? 50}`);
  return [...rows];
}
