import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { isoTs } from "../purchasing/common";

export const ZListExportsResponse = z.array(
  z.object({
    id: z.uuid(), number: z.number(), periodFrom: z.string(), periodTo: z.string(), entryCount: z.number(),
    totalDebit: z.string(), totalCredit: z.string(), createdAt: z.string(), createdBy: z.string().nullable(),
  }),
);
export type TListExportsResponse = z.infer<typeof ZListExportsResponse>;

export async function listExports(tx: Tx): Promise<TListExportsResponse> {
  const rows = await tx.execute<{ id: string; number: number; period_from: string; period_to: string; entry_count: number; total_debit: string; total_credit: string; created_at: string; created_by: string | null }>(sql`
    select x.id, x.number, x.period_from::text as period_from, x.period_to::text as period_to, x.entry_count, x.total_debit, x.total_credit,
           ${isoTs(sql`x.created_at`)} as created_at, u.name as created_by
    from accounting_exports x left join users u on u.id = x.created_by
    order by x.number desc limit 200`);
  return rows.map((r) => ({
    id: r.id, number: r.number, periodFrom: r.period_from, periodTo: r.period_to, entryCount: r.entry_count,
    totalDebit: r.total_debit, totalCredit: r.total_credit, createdAt: r.created_at, createdBy: r.created_by,
  }));
}

export async function getExport(tx: Tx, id: string): Promise<{ id: string; number: number } | null> {
  const [r] = await tx.execute<{ id: string; number: number }>(sql`select id, number from accounting_exports where id = ${id}`);
  return r ?? null;
}
