import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

/** Recent sales (optionally of one session or one ticket number) for the supervisor's void screen. */
export async function listSales(tx: Tx, opts: { cashSessionId?: string; ticketNumber?: number; limit?: number } = {}) {
  const where = [sql`true`];
  if (opts.cashSessionId) where.push(sql`s.cash_session_id = ${opts.cashSessionId}`);
  if (opts.ticketNumber) where.push(sql`s.ticket_number = ${opts.ticketNumber}`);
  const rows = await tx.execute<{
    id: string;
    ticket_number: number;
    register_name: string;
    status: "COMPLETED" | "VOIDED";
    total: string;
    created_at: Date;
    cashier_name: string | null;
    fiscal_status: string;
    stock_conflict: boolean;
    lines: number;
  }>(sql`
    select s.id, s.ticket_number, r.name as register_name, s.status, s.total, s.created_at, u.name as cashier_name,
           s.fiscal_status, s.stock_conflict, (select count(*)::int from sale_lines l where l.sale_id = s.id) as lines
    from sales s
    join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
    left join users u on u.id = s.cashier_id
    where ${sql.join(where, sql` and `)}
    order by s.recorded_at desc
    limit ${opts.limit ?? 50}`);
  return [...rows];
}
