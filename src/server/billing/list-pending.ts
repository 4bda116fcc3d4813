import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import type { ChargeLine } from "../db/schema/billing";
import { Decimal, money } from "@/lib/decimal";
import { amountsByRate } from "./charge-lines";

export type PendingItem = { id: string; source: string; description: string; total: string; chargedOn: string; saleId: string | null; byRate: { rate: string; total: string }[] };
export type PendingGroup = { customerId: string; customerName: string; docNumber: string; items: PendingItem[]; total: string; byRate: { rate: string; total: string }[] };

export const ZListPendingResponse = z.object({
  groups: z.array(
    z.object({
      byRate: z.array(z.object({ rate: z.string(), total: z.string() })),
      customerId: z.uuid(),
      customerName: z.string(),
      docNumber: z.string(),
      items: z.array(
        z.object({
          id: z.uuid(),
          source: z.string(),
          description: z.string(),
          total: z.string(),
          chargedOn: z.string(),
          saleId: z.uuid().nullable(),
          byRate: z.array(z.object({ rate: z.string(), total: z.string() })),
        }),
      ),
      total: z.string(),
    }),
  ),
  total: z.string(),
  count: z.number(),
});
export type TListPendingResponse = z.infer<typeof ZListPendingResponse>;

/** Pending billables (uninvoiced charges on account) grouped by customer, with totals per IVA rate. */
export async function listPending(tx: Tx, input: { customerId?: string; from?: string; to?: string } = {}) {
  const rows = await tx.execute<{ id: string; source: string; description: string; total: string; charged_on: string; sale_id: string | null; lines: ChargeLine[]; customer_id: string; customer_name: string; doc_number: string }>(sql`
    select ch.id, ch.source, ch.description, ch.total::text, ch.charged_on::text, ch.sale_id, ch.lines, ch.customer_id, c.name as customer_name, c.doc_number
    from billing_charges ch join customers c on c.id = ch.customer_id
    where ch.status = 'PENDING'
      ${input.customerId ? sql`and ch.customer_id = ${input.customerId}` : sql``}
      ${input.from ? sql`and ch.charged_on >= ${input.from}::date` : sql``}
      ${input.to ? sql`and ch.charged_on <= ${input.to}::date` : sql``}
    order by c.name, ch.charged_on, ch.created_at limit 5000`);
  const groups = new Map<string, PendingGroup & { lines: ChargeLine[] }>();
  for (const r of rows) {
    const g = groups.get(r.customer_id) ?? { customerId: r.customer_id, customerName: r.customer_name, docNumber: r.doc_number, items: [], total: "0", byRate: [], lines: [] };
    g.items.push({ id: r.id, source: r.source, description: r.description, total: r.total, chargedOn: r.charged_on, saleId: r.sale_id, byRate: amountsByRate(r.lines) });
    g.total = money(new Decimal(g.total).plus(r.total));
    g.lines.push(...r.lines);
    groups.set(r.customer_id, g);
  }
  const out = [...groups.values()].map(({ lines, ...g }) => ({ ...g, byRate: amountsByRate(lines) }));
  return { groups: out, total: money(out.reduce((a, g) => a.plus(g.total), new Decimal(0))), count: rows.length };
}
