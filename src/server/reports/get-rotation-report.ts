import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { Decimal } from "@/lib/decimal";
import { daysBetween } from "@/lib/report-period";
import { ZPeriod, TENANT, checkPeriod, m2, q3 } from "./common";

export const ZRotationInput = ZPeriod.extend({ onlyDead: z.boolean().default(false) });
export type TRotationInput = z.input<typeof ZRotationInput>;

export type RotationRow = {
  productId: string;
  name: string;
  sku: string;
  /** Units sold in the period, net of voids (rollup). */
  unitsSold: string;
  /** Cost of those units. */
  cost: string;
  stockStart: string;
  stockEnd: string;
  /** (stock at start + stock at end) ÷ 2. */
  averageStock: string;
  /** Stock now ÷ units sold per day of the period; null without sales. */
  daysOfStock: string | null;
  /** Units sold ÷ average stock; null when the average stock is not positive. */
  turnover: string | null;
  /** Stock on hand and nothing sold in the period. */
  dead: boolean;
  stockNow: string;
  lastSale: string | null;
};

/**
 * Rotation per stocked product. Stock at the end of the period = stock now − movements after
 * it; at the start = that − movements inside it (the movement ledger is append-only, so this
 * is exact). Sales come from the product rollup.
 */
export async function getRotationReport(tx: Tx, raw: TRotationInput): Promise<{ days: number; rows: RotationRow[] }> {
  const input = ZRotationInput.parse(raw);
  const p = checkPeriod(input);
  const days = daysBetween(p.from, p.to);
  const rows = await tx.execute<{ id: string; name: string; sku: string; sold: string; cost: string; now: string; after: string; inside: string; last_sale: string | null }>(sql`
    with b as (
      select (${p.from}::date::timestamp at time zone reports_tz()) as t0, ((${p.to}::date + 1)::timestamp at time zone reports_tz()) as t1
    ),
    sold as (
      select product_id, sum(quantity) - sum(void_quantity) as q, sum(cost) - sum(void_cost) as c
      from report_daily_sales where tenant_id = ${TENANT} and day between ${p.from}::date and ${p.to}::date group by product_id
    ),
    last_sale as (
      select product_id, max(day) as d from report_daily_sales where tenant_id = ${TENANT} and quantity > 0 group by product_id
    ),
    mv as (
      select m.product_id, sum(m.quantity) filter (where m.created_at >= b.t1) as after,
             sum(m.quantity) filter (where m.created_at >= b.t0 and m.created_at < b.t1) as inside
      from stock_movements m, b where m.tenant_id = ${TENANT} and m.created_at >= b.t0 group by m.product_id
    ),
    lv as (select product_id, sum(quantity) as q from stock_levels where tenant_id = ${TENANT} group by product_id)
    select x.id, x.name, x.sku, ${q3(sql`sold.q`)} as sold, ${m2(sql`sold.c`)} as cost, ${q3(sql`lv.q`)} as now,
           ${q3(sql`mv.after`)} as after, ${q3(sql`mv.inside`)} as inside, last_sale.d::text as last_sale
    from products x
    left join sold on sold.product_id = x.id
    left join last_sale on last_sale.product_id = x.id
    left join mv on mv.product_id = x.id
    left join lv on lv.product_id = x.id
    where x.tenant_id = ${TENANT} and not x.is_service and (x.active or sold.q is not null)
    order by lower(x.name)`);
  const out = rows.map((r): RotationRow => {
    const now = new Decimal(r.now);
    const end = now.minus(r.after);
    const start = end.minus(r.inside);
    const avg = start.plus(end).div(2);
    const sold = new Decimal(r.sold);
    const perDay = sold.div(days);
    return {
      productId: r.id,
      name: r.name,
      sku: r.sku,
      unitsSold: sold.toFixed(3),
      cost: r.cost,
      stockStart: start.toFixed(3),
      stockEnd: end.toFixed(3),
      averageStock: avg.toFixed(3),
      daysOfStock: perDay.gt(0) ? Decimal.max(now, 0).div(perDay).toFixed(1) : null,
      turnover: avg.gt(0) ? sold.div(avg).toFixed(2) : null,
      dead: now.gt(0) && sold.lte(0),
      stockNow: now.toFixed(3),
      lastSale: r.last_sale,
    };
  });
  return { days, rows: input.onlyDead ? out.filter((r) => r.dead) : out };
}
