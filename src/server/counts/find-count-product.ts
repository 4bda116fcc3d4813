import "server-only";
import { sql } from "drizzle-orm";
import { pgArray } from "../db/sql-helpers";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";
import { countable, loadCount, ZCountId } from "./common";

export const ZFindCountProductInput = z.object({
  countId: ZCountId,
  /** A scanned barcode, a SKU or part of the name. */
  query: z.string().trim().min(1, "Escaneá o escribí algo").max(80),
});
export type TFindCountProductInput = z.input<typeof ZFindCountProductInput>;

export const ZFindCountProductResponse = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    sku: z.string(),
    unit: z.string(),
    tracksLots: z.boolean(),
    /** Lot numbers known in this warehouse, to pick from: numbers and expiry only, never quantities. */
    lots: z.array(z.object({ lotNumber: z.string(), expiresAt: z.string().nullable() })),
    exact: z.boolean(),
  }),
);

/** Product lookup for counters: barcode/SKU exact first, then name; in scope only; blind. */
export async function findCountProduct(tx: Tx, raw: TFindCountProductInput): Promise<z.infer<typeof ZFindCountProductResponse>> {
  const v = ZFindCountProductInput.parse(raw);
  const c = await loadCount(tx, v.countId);
  const q = v.query;
  const rows = await tx.execute<{ id: string; name: string; sku: string; unit: string; track_batches: boolean; exact: boolean }>(sql`
    with hits as (
      select b.product_id as id, true as exact from product_barcodes b where b.tenant_id = ${TENANT} and b.barcode = ${q}
      union all
      select p.id, true from products p where p.tenant_id = ${TENANT} and p.sku = ${q}
      union all
      (select p.id, false from products p
       where p.tenant_id = ${TENANT} and lower(p.name) like ${"%" + q.toLowerCase().replace(/[\\%_]/g, (m) => "\\" + m) + "%"}
       order by p.name limit 20))
    select p.id, p.name, p.sku, p.unit, p.track_batches, bool_or(h.exact) as exact
    from hits h join products p on p.tenant_id = ${TENANT} and p.id = h.id
    where ${countable(c)}
    group by p.id, p.name, p.sku, p.unit, p.track_batches
    order by bool_or(h.exact) desc, p.name limit 20`);
  const tracked = rows.filter((r) => r.track_batches).map((r) => r.id);
  const lots = tracked.length
    ? await tx.execute<{ product_id: string; lot_number: string; expires_at: string | null }>(sql`
        select product_id, lot_number, min(expires_at)::text as expires_at from lots
        where tenant_id = ${TENANT} and warehouse_id = ${c.warehouseId} and product_id = any(${pgArray(tracked, "uuid")})
          and lot_number is not null and not is_deficit
        group by product_id, lot_number order by min(expires_at) nulls last, lot_number`)
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sku: r.sku,
    unit: r.unit,
    tracksLots: r.track_batches,
    exact: r.exact,
    lots: lots.filter((l) => l.product_id === r.id).map((l) => ({ lotNumber: l.lot_number, expiresAt: l.expires_at })),
  }));
}
