import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { Decimal } from "@/lib/decimal";
import { ZPeriod, TENANT, checkPeriod, m2, q3 } from "./common";
import type { z } from "zod";

export const ZExpiryInput = ZPeriod;
export const EXPIRY_BUCKETS = ["expired", "d0_7", "d8_30", "d31_90", "d90_plus", "none"] as const;
export type ExpiryBucket = (typeof EXPIRY_BUCKETS)[number];
export const EXPIRY_BUCKET_LABELS: Record<ExpiryBucket, string> = {
  expired: "Vencidos",
  d0_7: "Vencen en 0 a 7 días",
  d8_30: "Vencen en 8 a 30 días",
  d31_90: "Vencen en 31 a 90 días",
  d90_plus: "Vencen en más de 90 días",
  none: "Sin vencimiento",
};

export type ExpiryReport = {
  today: string;
  buckets: { bucket: ExpiryBucket; label: string; lots: number; quantity: string; value: string }[];
  /** Expired or expiring within 90 days, soonest first. */
  lots: { lotId: string; product: string; lotNumber: string | null; warehouse: string; expiresAt: string; daysLeft: number; quantity: string; value: string }[];
  /**
   * In the period: cost of goods sold from lots with an expiry date, against the cost of units
   * that left such lots on or after their expiry without being sold (write-offs, consumption,
   * count adjustments).
   */
  losses: { soldCost: string; expiredCost: string; expiredQuantity: string; lossPct: string | null };
};

/** Lots by expiry bucket (quantity and value at cost), the lots at risk, and sold vs. expired. */
export async function getExpiryReport(tx: Tx, raw: z.input<typeof ZExpiryInput>): Promise<ExpiryReport> {
  const p = checkPeriod(ZExpiryInput.parse(raw));
  const [clock] = await tx.execute<{ today: string }>(sql`select (now() at time zone reports_tz())::date::text as today`);
  const today = clock!.today;
  const buckets = await tx.execute<{ bucket: ExpiryBucket; lots: number; quantity: string; value: string }>(sql`
    with b as (
      select case when expires_at is null then 'none'
                  when expires_at < ${today}::date then 'expired'
                  when expires_at <= ${today}::date + 7 then 'd0_7'
                  when expires_at <= ${today}::date + 30 then 'd8_30'
                  when expires_at <= ${today}::date + 90 then 'd31_90'
                  else 'd90_plus' end as bucket, quantity, unit_cost
      from lots where tenant_id = ${TENANT} and quantity > 0
    )
    select bucket, count(*)::int as lots, ${q3(sql`sum(quantity)`)} as quantity, ${m2(sql`sum(quantity * unit_cost)`)} as value
    from b group by bucket`);
  const byBucket = new Map(buckets.map((r) => [r.bucket, r]));
  const lots = await tx.execute<{ lot_id: string; product: string; lot_number: string | null; warehouse: string; expires_at: string; days_left: number; quantity: string; value: string }>(sql`
    select l.id as lot_id, x.name as product, l.lot_number, w.name as warehouse, l.expires_at::text, (l.expires_at - ${today}::date)::int as days_left,
           l.quantity::numeric(16,3)::text as quantity, round(l.quantity * l.unit_cost, 2)::numeric(16,2)::text as value
    from lots l
    join products x on x.tenant_id = l.tenant_id and x.id = l.product_id
    join warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id
    where l.tenant_id = ${TENANT} and l.quantity > 0 and l.expires_at is not null and l.expires_at <= ${today}::date + 90
    order by l.expires_at, x.name limit 500`);
  const [loss] = await tx.execute<{ sold: string; expired: string; expired_qty: string }>(sql`
    with m as (
      select m.type, m.quantity, m.unit_cost, l.expires_at, (m.created_at at time zone reports_tz())::date as day
      from stock_movements m join lots l on l.tenant_id = m.tenant_id and l.id = m.lot_id
      where m.tenant_id = ${TENANT} and m.quantity < 0 and l.expires_at is not null
        and m.created_at >= (${p.from}::date::timestamp at time zone reports_tz())
        and m.created_at < ((${p.to}::date + 1)::timestamp at time zone reports_tz())
    )
    select ${m2(sql`sum(-quantity * unit_cost) filter (where type = 'SALE')`)} as sold,
           ${m2(sql`sum(-quantity * unit_cost) filter (where type in ('OUT', 'CONSUME', 'AUDIT') and day >= expires_at)`)} as expired,
           ${q3(sql`sum(-quantity) filter (where type in ('OUT', 'CONSUME', 'AUDIT') and day >= expires_at)`)} as expired_qty
    from m`);
  const sold = new Decimal(loss!.sold);
  const expired = new Decimal(loss!.expired);
  const base = sold.plus(expired);
  return {
    today,
    buckets: EXPIRY_BUCKETS.map((bucket) => {
      const r = byBucket.get(bucket);
      return { bucket, label: EXPIRY_BUCKET_LABELS[bucket], lots: r?.lots ?? 0, quantity: r?.quantity ?? "0.000", value: r?.value ?? "0.00" };
    }),
    lots: lots.map((l) => ({
      lotId: l.lot_id,
      product: l.product,
      lotNumber: l.lot_number,
      warehouse: l.warehouse,
      expiresAt: l.expires_at,
      daysLeft: Number(l.days_left),
      quantity: l.quantity,
      value: l.value,
    })),
    losses: { soldCost: sold.toFixed(2), expiredCost: expired.toFixed(2), expiredQuantity: loss!.expired_qty, lossPct: base.isZero() ? null : expired.div(base).times(100).toFixed(2) },
  };
}
