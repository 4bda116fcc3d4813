import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { pgArray } from "../db/sql-helpers";
import type { Tx } from "../db/client";
import { exec, TENANT } from "../inventory/ledger";
import { dec, Decimal } from "@/lib/decimal";
import type { CountRow } from "./common";

// Counted vs expected per line, computed live from the entries and the ledger (review and
// apply read the same figures). Never reachable from a counter's procedure.
//
// A line's figures come from its current round (the first count, or the latest recount):
// counted = Σ its live entries (several counters, several shelves). Its reference is the
// latest of those entries (by counted time): expected = the system balance frozen with it
// at its ledger position, corrected by what the ledger learnt late about that moment:
//  - an OFFLINE sale rung before the scan but synced after it (ledger seq > the entry's
//    position, sale time ≤ counted time) had already left the shelf when it was counted:
//    it is taken out of expected, so applying does not subtract it twice;
//  - an entry queued offline on the counting phone is positioned when it reaches the
//    server: movements recorded between its counted time and then (their own time, i.e.
//    an offline sale's ring time, after the counted time) are put back, so they count as
//    after the scan.
// Apply then moves today's stock by counted − expected: whatever happened after the scan
// stays, whatever happened before is already in expected.

export type LineFigures = {
  id: string;
  productId: string;
  productName: string;
  sku: string;
  unit: string;
  categoryId: string | null;
  tracked: boolean;
  isService: boolean;
  active: boolean;
  lotKey: string;
  status: "PENDING" | "RECOUNT" | "APPLIED" | "SKIPPED" | "FAILED";
  round: number;
  uncounted: "ZERO" | "KEEP" | null;
  recountAssignedTo: string | null;
  /** null when nobody counted this round. */
  counted: Decimal | null;
  expected: Decimal | null;
  /** The pair's (lot number's) balance now. */
  current: Decimal;
  /** Weighted-average cost of the line's lots here, else of the product, else its last cost. */
  unitCost: Decimal;
  counters: string[];
  counterIds: string[];
  /** Everybody who counted it in earlier rounds (a recount must be someone else). */
  earlierCounterIds: string[];
  entries: number;
  applied: { counted: string; expected: string; variance: string; cost: string; at: string; error: string | null } | null;
};

type Row = {
  id: string;
  product_id: string;
  product_name: string;
  sku: string;
  unit: string;
  category_id: string | null;
  tracked: boolean;
  is_service: boolean;
  active: boolean;
  lot_key: string;
  status: LineFigures["status"];
  round: number;
  uncounted: LineFigures["uncounted"];
  recount_assigned_to: string | null;
  counted: string | null;
  expected: string | null;
  current: string;
  unit_cost: string;
  counters: string[] | null;
  counter_ids: string[] | null;
  earlier_ids: string[] | null;
  entries: number;
  applied_counted: string | null;
  applied_expected: string | null;
  variance_qty: string | null;
  variance_cost: string | null;
  applied_at: string | null;
  error: string | null;
};

/** A lot-number filter on movements' lots, for products counted lot by lot. */
const lotFilter = sql`(not p.track_batches or exists (select 1 from lots x where x.tenant_id = m.tenant_id and x.id = m.lot_id and coalesce(x.lot_number, '') = l.lot_key))`;
const offlineSale = sql`s.tenant_id = m.tenant_id and s.id = case when m.source_type = 'SALE' then m.source_id::uuid end`;

export async function lineFigures(tx: Tx, c: CountRow, lineIds?: string[]): Promise<LineFigures[]> {
  const rows = await exec<Row>(tx, lineFiguresQuery(c, lineIds));
  return rows.map(toFigures);
}

/** The figures' SQL (exported for EXPLAIN in the benchmark). */
export function lineFiguresQuery(c: CountRow, lineIds?: string[]): SQL {
  const W = c.warehouseId;
  return sql`
    with l as (
      select * from count_lines l where l.tenant_id = ${TENANT} and l.count_id = ${c.id}
      ${lineIds ? sql`and l.id = any(${pgArray(lineIds, "uuid")})` : sql``}),
    e as (
      select e.product_id, e.lot_key, e.quantity, e.user_id, e.counted_at, e.ledger_seq, e.system_qty, e.offline, e.recorded_at
      from count_entries e join l on l.product_id = e.product_id and l.lot_key = e.lot_key and e.round = l.round
      where e.tenant_id = ${TENANT} and e.count_id = ${c.id} and e.voided_at is null),
    agg as (select product_id, lot_key, sum(quantity) as counted, count(*)::int as n, array_agg(distinct user_id) as users from e group by 1, 2),
    -- The counters' names once per count (a handful of people), not a users lookup per line.
    names as (select u.id, u.name from users u where u.id in (select distinct user_id from e)),
    ref as (select distinct on (product_id, lot_key) * from e order by product_id, lot_key, counted_at desc, ledger_seq desc, recorded_at desc),
    earlier as (
      select e.product_id, e.lot_key, array_agg(distinct e.user_id) as users
      from count_entries e join l on l.product_id = e.product_id and l.lot_key = e.lot_key and e.round < l.round
      where e.tenant_id = ${TENANT} and e.count_id = ${c.id} and e.voided_at is null group by 1, 2)
    select l.id, l.product_id, p.name as product_name, p.sku, p.unit, p.category_id, p.track_batches as tracked, p.is_service, p.active,
           l.lot_key, l.status, l.round, l.uncounted, l.recount_assigned_to,
           agg.counted::text as counted,
           (ref.system_qty + coalesce(late.q, 0) - coalesce(early.q, 0))::numeric(14,3)::text as expected,
           coalesce(cur.qty, 0)::numeric(14,3)::text as current,
           coalesce(cur.avg_cost,
             (select sum(x.quantity * x.unit_cost) / nullif(sum(x.quantity), 0) from lots x
              where x.tenant_id = ${TENANT} and x.product_id = l.product_id and x.quantity > 0 and not x.is_deficit),
             (select x.unit_cost from lots x where x.tenant_id = ${TENANT} and x.product_id = l.product_id and not x.is_deficit
              order by x.received_at desc, x.seq desc limit 1),
             0)::numeric(14,4)::text as unit_cost,
           (select array_agg(n.name order by n.name) from names n where n.id = any(agg.users)) as counters,
           agg.users::text[] as counter_ids, earlier.users::text[] as earlier_ids, coalesce(agg.n, 0) as entries,
           l.counted_qty::text as applied_counted, l.expected_qty::text as applied_expected, l.variance_qty::text as variance_qty,
           l.variance_cost::text as variance_cost, l.applied_at::text as applied_at, l.error
    from l
    join products p on p.tenant_id = ${TENANT} and p.id = l.product_id
    left join agg on agg.product_id = l.product_id and agg.lot_key = l.lot_key
    left join ref on ref.product_id = l.product_id and ref.lot_key = l.lot_key
    left join earlier on earlier.product_id = l.product_id and earlier.lot_key = l.lot_key
    left join lateral (
      select sum(m.quantity) as q from stock_movements m join sales s on ${offlineSale}
      where m.tenant_id = ${TENANT} and m.product_id = l.product_id and m.warehouse_id = ${W} and m.seq > ref.ledger_seq
        and m.type = 'SALE' and s.mode = 'OFFLINE' and s.created_at <= ref.counted_at and ${lotFilter}) late on ref.ledger_seq is not null
    left join lateral (
      select sum(m.quantity) as q from stock_movements m left join sales s on ${offlineSale}
      where ref.offline and m.tenant_id = ${TENANT} and m.product_id = l.product_id and m.warehouse_id = ${W} and m.seq <= ref.ledger_seq
        and m.created_at > ref.counted_at
        and coalesce(case when s.mode = 'OFFLINE' then s.created_at end, m.created_at) > ref.counted_at and ${lotFilter}) early on true
    left join lateral (
      select sum(x.quantity) as qty,
             sum(x.quantity * x.unit_cost) filter (where x.quantity > 0 and not x.is_deficit)
               / nullif(sum(x.quantity) filter (where x.quantity > 0 and not x.is_deficit), 0) as avg_cost
      from lots x where x.tenant_id = ${TENANT} and x.product_id = l.product_id and x.warehouse_id = ${W} and x.quantity <> 0
        and (not p.track_batches or coalesce(x.lot_number, '') = l.lot_key)) cur on true
    order by p.name, l.lot_key`;
}

function toFigures(r: Row): LineFigures {
  return {
    id: r.id,
    productId: r.product_id,
    productName: r.product_name,
    sku: r.sku,
    unit: r.unit,
    categoryId: r.category_id,
    tracked: r.tracked,
    isService: r.is_service,
    active: r.active,
    lotKey: r.lot_key,
    status: r.status,
    round: r.round,
    uncounted: r.uncounted,
    recountAssignedTo: r.recount_assigned_to,
    counted: r.counted === null ? null : dec(r.counted),
    expected: r.counted === null || r.expected === null ? null : dec(r.expected),
    current: dec(r.current),
    unitCost: dec(r.unit_cost),
    counters: r.counters ?? [],
    counterIds: r.counter_ids ?? [],
    earlierCounterIds: r.earlier_ids ?? [],
    entries: r.entries,
    applied:
      r.applied_at === null
        ? null
        : {
            counted: r.applied_counted ?? "0",
            expected: r.applied_expected ?? "0",
            variance: r.variance_qty ?? "0",
            cost: r.variance_cost ?? "0",
            at: r.applied_at,
            error: r.error,
          },
  };
}

export type LineState = "APPLIED" | "SKIPPED" | "READY" | "NEEDS_RECOUNT" | "WAITING_RECOUNT" | "UNDECIDED" | "ZERO" | "KEEP" | "FAILED";

export type Thresholds = { pct: Decimal | null; money: Decimal | null };
export const thresholdsOf = (c: CountRow): Thresholds => ({
  pct: c.thresholdPct === null ? null : dec(c.thresholdPct),
  money: c.thresholdMoney === null ? null : dec(c.thresholdMoney),
});

/** Is |variance| over the count's threshold (percent of expected, or money at cost)? */
export function overThreshold(f: LineFigures, t: Thresholds): boolean {
  if (f.counted === null || f.expected === null) return false;
  const v = f.counted.minus(f.expected).abs();
  if (v.isZero()) return false;
  if (t.pct !== null) {
    if (f.expected.lte(0) || v.div(f.expected).times(100).gt(t.pct)) return true;
  }
  return t.money !== null && v.times(f.unitCost).gt(t.money);
}

/** Where a line stands: what review shows and what apply may do with it. */
export function lineState(f: LineFigures, t: Thresholds): LineState {
  if (f.status === "APPLIED") return "APPLIED";
  if (f.status === "SKIPPED") return "SKIPPED";
  if (f.counted !== null) {
    if (f.round === 0 && overThreshold(f, t)) return "NEEDS_RECOUNT";
    return f.status === "FAILED" ? "FAILED" : "READY";
  }
  if (f.round > 0) return "WAITING_RECOUNT";
  if (f.uncounted === "ZERO") return "ZERO";
  if (f.uncounted === "KEEP") return "KEEP";
  return "UNDECIDED";
}
