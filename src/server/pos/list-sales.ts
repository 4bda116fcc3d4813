import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

export const ZListSalesResponse = z.array(
  z.object({
    id: z.uuid(),
    ticketNumber: z.number().int(),
    registerName: z.string(),
    status: z.enum(["COMPLETED", "VOIDED"]),
    total: z.string(),
    /** As Postgres sends it through raw SQL (text). */
    createdAt: z.string(),
    cashierName: z.string().nullable(),
    fiscalStatus: z.string(),
    stockConflict: z.boolean(),
    lines: z.number().int(),
  }),
);
export type TListSalesResponse = z.infer<typeof ZListSalesResponse>;

/** Recent sales (optionally of one session or one ticket number) for the supervisor's void screen. */
export async function listSales(tx: Tx, opts: { cashSessionId?: string; ticketNumber?: number; limit?: number } = {}): Promise<TListSalesResponse> {
  const where = [sql`true`];
  if (opts.cashSessionId) where.push(sql`s.cash_session_id = ${opts.cashSessionId}`);
  if (opts.ticketNumber) where.push(sql`s.ticket_number = ${opts.ticketNumber}`);
  const rows = await tx.execute<TListSalesResponse[number]>(sql`
    select s.id, s.ticket_number as "ticketNumber", r.name as "registerName", s.status, s.total, s.created_at as "createdAt",
           u.name as "cashierName", s.fiscal_status as "fiscalStatus", s.stock_conflict as "stockConflict",
           (select count(*)::int from sale_lines l where l.sale_id = s.id) as lines
    from sales s
    join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
    left join users u on u.id = s.cashier_id
    where ${sql.join(where, sql` and `)}
    order by s.recorded_at desc
    limit ${opts.limit ?? 50}`);
  return [...rows];
}
