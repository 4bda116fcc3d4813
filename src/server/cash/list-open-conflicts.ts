import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

// Shifts opened offline that reached the server while another session was open on the same
// register: both were accepted (the shifts happened) and this one is flagged. The supervisor
// sees them side by side (who, when, float, what was sold in each) to decide what to do.

export const ZOpenConflict = z.object({
  id: z.uuid(),
  registerName: z.string(),
  openedByName: z.string().nullable(),
  openedAt: z.date(),
  openingFloat: z.string(),
  status: z.enum(["OPEN", "CLOSED"]),
  sales: z.number().int(),
  salesTotal: z.string(),
  /** The session that was already open on the register when this one arrived (if still known). */
  other: z
    .object({ id: z.uuid(), openedByName: z.string().nullable(), openedAt: z.date(), status: z.enum(["OPEN", "CLOSED"]) })
    .nullable(),
  resolution: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: z.date().nullable(),
});
export const ZListOpenConflictsResponse = z.array(ZOpenConflict);
export type TOpenConflict = z.infer<typeof ZOpenConflict>;

type Row = {
  id: string;
  register_name: string;
  opened_by_name: string | null;
  opened_at: Date;
  opening_float: string;
  status: TOpenConflict["status"];
  sales: number;
  sales_total: string;
  other_id: string | null;
  other_opened_by_name: string | null;
  other_opened_at: Date | null;
  other_status: TOpenConflict["status"] | null;
  resolution: string | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
};

export async function listOpenConflicts(tx: Tx, opts: { status?: "OPEN" | "RESOLVED"; limit?: number } = {}): Promise<TOpenConflict[]> {
  const filter =
    opts.status === "OPEN" ? sql`and s.conflict_resolved_at is null` : opts.status === "RESOLVED" ? sql`and s.conflict_resolved_at is not null` : sql``;
  const rows = await tx.execute<Row>(sql`
    select s.id, r.name as register_name, u.name as opened_by_name, s.opened_at, s.opening_float::text, s.status,
           t.sales, t.sales_total, o.id as other_id, o.opened_by_name as other_opened_by_name, o.opened_at as other_opened_at,
           o.status as other_status, s.conflict_resolution as resolution, ru.name as resolved_by_name, s.conflict_resolved_at as resolved_at
    from cash_sessions s
    join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
    left join users u on u.id = s.opened_by
    left join users ru on ru.id = s.conflict_resolved_by
    cross join lateral (
      select count(*)::int as sales, coalesce(sum(x.total), 0)::text as sales_total
      from sales x where x.tenant_id = s.tenant_id and x.cash_session_id = s.id and x.voided_at is null
    ) t
    left join lateral (
      select o.id, ou.name as opened_by_name, o.opened_at, o.status
      from cash_sessions o left join users ou on ou.id = o.opened_by
      where o.tenant_id = s.tenant_id and o.register_id = s.register_id and o.id <> s.id and not o.open_conflict
        and o.opened_at <= coalesce(s.closed_at, now()) and coalesce(o.closed_at, 'infinity') >= s.opened_at
      order by o.opened_at desc limit 1
    ) o on true
    where s.open_conflict ${filter}
    order by s.opened_at desc
    limit ${opts.limit ?? 100}`);
  return rows.map((r) => ({
    id: r.id,
    registerName: r.register_name,
    openedByName: r.opened_by_name,
    openedAt: new Date(r.opened_at),
    openingFloat: r.opening_float,
    status: r.status,
    sales: r.sales,
    salesTotal: r.sales_total,
    other: r.other_id
      ? { id: r.other_id, openedByName: r.other_opened_by_name, openedAt: new Date(r.other_opened_at!), status: r.other_status! }
      : null,
    resolution: r.resolution,
    resolvedByName: r.resolved_by_name,
    resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
  }));
}
