import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "./ledger";

export const ZValuateStockInput = z.object({
  groupBy: z.enum(["product", "warehouse", "family"]),
  warehouseId: z.string().uuid().optional(),
  productId: z.string().uuid().optional(),
  familyId: z.string().uuid().optional(),
});
export type TValuateStockInput = z.input<typeof ZValuateStockInput>;

export type ValuationRow = {
  key: string;
  name: string;
  /** Units of the product (product / warehouse rows), base units for families. */
  quantity: string;
  /** Remaining lots at their real cost (exits consume the oldest / soonest-expiring first). */
  fifo: string;
  /** Remaining quantity valued at the earliest inbound layers (the latest ones left first). */
  lifo: string;
  /** Remaining quantity × the weighted average cost of everything that came in. */
  average: string;
};

export const ZValuateStockResponse = z.array(
  z.object({ key: z.string(), name: z.string(), quantity: z.string(), fifo: z.string(), lifo: z.string(), average: z.string() }),
);
export type TValuateStockResponse = z.infer<typeof ZValuateStockResponse>;

/**
 * Stock value by FIFO, LIFO and weighted average, computed in SQL per product × warehouse
 * and summed per product, warehouse or family.
 *
 * - FIFO: Σ lots.quantity × lots.unit_cost (the lots are what FEFO/FIFO exits left).
 * - Inbound layers: every movement with quantity > 0 into the pair (IN, RETURN, transfer in,
 *   unpack in, count adjustments), in ledger order.
 * - LIFO: the Q units on hand are the first layers that came in (the later ones went out first).
 * - Weighted average: Q × Σ(layer qty × cost) / Σ layer qty.
 * An oversold pair (Q < 0) is valued at its average cost in all three.
 */
export async function valuateStock(tx: Tx, raw: TValuateStockInput): Promise<ValuationRow[]> {
  const input = ZValuateStockInput.parse(raw);
  const filters: SQL[] = [sql`s.tenant_id = ${TENANT}`];
  if (input.warehouseId) filters.push(sql`s.warehouse_id = ${input.warehouseId}`);
  if (input.productId) filters.push(sql`s.product_id = ${input.productId}`);
  if (input.familyId) filters.push(sql`s.product_id in (select id from products where tenant_id = ${TENANT} and family_id = ${input.familyId})`);
  const where = sql.join(filters, sql` and `);

  const group =
    input.groupBy === "product"
      ? { key: sql`p.id`, name: sql`p.name || ' (' || p.sku || ')'`, qty: sql`v.q`, join: sql``, by: sql`p.id, p.name, p.sku` }
      : input.groupBy === "warehouse"
        ? { key: sql`w.id`, name: sql`w.name`, qty: sql`v.q`, join: sql`join warehouses w on w.tenant_id = p.tenant_id and w.id = v.warehouse_id`, by: sql`w.id, w.name` }
        : {
            key: sql`f.id`,
            name: sql`f.name`,
            qty: sql`v.q * p.conversion_factor`,
            join: sql`join product_families f on f.tenant_id = p.tenant_id and f.id = p.family_id`,
            by: sql`f.id, f.name`,
          };

  const rows = await tx.execute<{ key: string; name: string; quantity: string; fifo: string; lifo: string; average: string }>(sql`
    with pairs as (
      select s.product_id, s.warehouse_id, s.quantity as q from stock_levels s where ${where}
    ),
    fifo as (
      select l.product_id, l.warehouse_id, sum(l.quantity * l.unit_cost) as v
      from lots l join pairs using (product_id, warehouse_id)
      where l.tenant_id = ${TENANT}
      group by 1, 2
    ),
    layers as (
      select m.product_id, m.warehouse_id, m.quantity as lq, m.unit_cost as c,
             sum(m.quantity) over (partition by m.product_id, m.warehouse_id order by m.seq) - m.quantity as before
      from stock_movements m join pairs using (product_id, warehouse_id)
      where m.tenant_id = ${TENANT} and m.quantity > 0
    ),
    agg as (
      select l.product_id, l.warehouse_id,
             sum(least(l.lq, greatest(pr.q - l.before, 0)) * l.c) as lifo,
             sum(l.lq * l.c) / nullif(sum(l.lq), 0) as avg_cost
      from layers l join pairs pr using (product_id, warehouse_id)
      group by 1, 2
    ),
    v as (
      select pr.product_id, pr.warehouse_id, pr.q,
             case when pr.q < 0 then pr.q * coalesce(a.avg_cost, 0) else coalesce(f.v, 0) end as fifo,
             case when pr.q < 0 then pr.q * coalesce(a.avg_cost, 0) else coalesce(a.lifo, 0) end as lifo,
             pr.q * coalesce(a.avg_cost, 0) as average
      from pairs pr
      left join fifo f using (product_id, warehouse_id)
      left join agg a using (product_id, warehouse_id)
    )
    select ${group.key}::text as key, ${group.name} as name,
           round(sum(${group.qty}), 3)::text as quantity,
           round(sum(v.fifo), 2)::text as fifo, round(sum(v.lifo), 2)::text as lifo, round(sum(v.average), 2)::text as average
    from v
    join products p on p.tenant_id = ${TENANT} and p.id = v.product_id
    ${group.join}
    group by ${group.by}
    order by 2`);
  return rows.map((r) => ({ ...r }));
}
