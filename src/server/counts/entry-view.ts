import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";

// What a counter sees of an entry: what they typed, never the system's figures.
export const ZCountEntryView = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  sku: z.string(),
  unit: z.string(),
  lotNumber: z.string().nullable(),
  zoneId: z.uuid().nullable(),
  zoneName: z.string().nullable(),
  quantity: z.string(),
  round: z.number().int(),
  countedAt: z.string(),
  corrected: z.boolean(),
});
export type CountEntryView = z.infer<typeof ZCountEntryView>;

/** A counter's own live entries in a count, newest first. */
export async function entryViews(tx: Tx, where: { countId: string; userId: string; entryId?: string; limit?: number }): Promise<CountEntryView[]> {
  return tx.execute<CountEntryView>(sql`
    select e.id, e.product_id as "productId", p.name as "productName", p.sku, p.unit, nullif(e.lot_key, '') as "lotNumber",
           e.zone_id as "zoneId", z.name as "zoneName", e.quantity::text as quantity, e.round,
           to_char(e.counted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "countedAt", e.updated_at is not null as corrected
    from count_entries e
    join products p on p.tenant_id = e.tenant_id and p.id = e.product_id
    left join count_zones z on z.tenant_id = e.tenant_id and z.id = e.zone_id
    where e.tenant_id = ${TENANT} and e.count_id = ${where.countId} and e.user_id = ${where.userId} and e.voided_at is null
      ${where.entryId ? sql`and e.id = ${where.entryId}` : sql``}
    order by e.recorded_at desc, e.id
    limit ${where.limit ?? 50}`).then((r) => [...r]);
}

/** A count quantity: ≥ 0 (an empty shelf is a count), up to 3 decimals. */
export const ZCountQuantity = z
  .union([z.string().max(40), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,11}(\.\d{1,3})?$/, "Cantidad: usá un número con hasta 3 decimales"));
