import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { exec, TENANT, type Actor } from "../inventory/ledger";

// The set-based heart of applying a count: ONE statement adjusts lots, writes the AUDIT
// ledger lines (with running stockBefore/After per product) and the levels, and marks the
// count lines, for any number of lines. Callers hold the levels' locks.
//
//  - shortfall (variance < 0): consumes the line's lots FEFO (expiry, then received, then
//    creation order); what the lots no longer hold (sold after the scan) goes to the pair's
//    deficit lot, like an oversold sale, so no line ever needs manual resolution;
//  - surplus (variance > 0): first fills the pair's deficit lot, then becomes a new
//    adjustment lot at the product's weighted-average cost (its lot number, and that
//    number's expiry, when it is counted by lot).
// Lines of one product never share lots: one line per product, or disjoint lot numbers.

export type AdjustmentRow = {
  lineId: string;
  productId: string;
  lotKey: string;
  tracked: boolean;
  counted: string;
  expected: string;
  variance: string;
  opId: string;
  newLotId: string;
  ord: number;
};

// eslint-disable-next-line max-lines-per-function -- the adjustment steps of one count in order, each a commented set-based statement
export async function writeAdjustments(
  tx: Tx,
  count: { id: string; name: string; warehouseId: string },
  rows: AdjustmentRow[],
  actor: Actor,
): Promise<{ lines: number; movements: number }> {
  if (rows.length === 0) return { lines: 0, movements: 0 };
  const W = count.warehouseId;
  const json = JSON.stringify(
    rows.map((r) => ({
      line_id: r.lineId,
      product_id: r.productId,
      lot_key: r.lotKey,
      tracked: r.tracked,
      counted: r.counted,
      expected: r.expected,
      variance: r.variance,
      op_id: r.opId,
      new_lot_id: r.newLotId,
      ord: r.ord,
    })),
  );
  const reference = `Conteo «${count.name}»`.slice(0, 120);
  // The planner guesses 100 rows for jsonb_to_recordset and would nest loops over CTE scans
  // (n² on a 5,000-line count): for big batches it hashes instead, for this statement only.
  const big = rows.length > 50;
  const [prev] = big
    ? await exec<{ v: string }>(tx, sql`select current_setting('enable_nestloop') as v, set_config('enable_nestloop', 'off', true)`)
    : [];
  const [res] = await exec<{ lines: number; movements: number }>(tx, sql`
    with v as (
      select * from jsonb_to_recordset(${json}::jsonb) as v(line_id uuid, product_id uuid, lot_key text, tracked boolean,
        counted numeric, expected numeric, variance numeric, op_id uuid, new_lot_id uuid, ord int)),
    prods as (select distinct product_id from v),
    lvl as (select s.product_id, s.quantity as base from stock_levels s join prods using (product_id)
            where s.tenant_id = ${TENANT} and s.warehouse_id = ${W}),
    avgc as (
      select p.product_id, coalesce(
        (select sum(x.quantity * x.unit_cost) / nullif(sum(x.quantity), 0) from lots x
         where x.tenant_id = ${TENANT} and x.product_id = p.product_id and x.quantity > 0 and not x.is_deficit),
        (select x.unit_cost from lots x where x.tenant_id = ${TENANT} and x.product_id = p.product_id and not x.is_deficit
         order by x.received_at desc, x.seq desc limit 1),
        0)::numeric(14,4) as cost
      from prods p),
    cand as (
      select n.line_id, n.product_id, n.ord, x.id as lot_id, x.quantity, x.unit_cost, -n.variance as want,
             sum(x.quantity) over w as cum, row_number() over w as k
      from v n join lots x on x.tenant_id = ${TENANT} and x.product_id = n.product_id and x.warehouse_id = ${W}
        and x.quantity > 0 and not x.is_deficit and (not n.tracked or coalesce(x.lot_number, '') = n.lot_key)
      where n.variance < 0
      window w as (partition by n.line_id order by x.expires_at asc nulls last, x.received_at asc, x.seq asc)),
    take as (select line_id, product_id, ord, lot_id, unit_cost, k, least(quantity, want - (cum - quantity)) as q from cand where cum - quantity < want),
    -- Aggregates are joined, never correlated over a CTE (a CTE has no index: that is n²).
    rem as (
      select n.line_id, n.product_id, n.ord, -n.variance - coalesce(t.q, 0) as r
      from v n left join (select line_id, sum(q) as q from take group by 1) t on t.line_id = n.line_id
      where n.variance < 0),
    pair as (
      select p.product_id, coalesce(d.quantity, 0) as d0, coalesce(r.r, 0) as r, coalesce(s.s, 0) as s
      from prods p
      left join lots d on d.tenant_id = ${TENANT} and d.product_id = p.product_id and d.warehouse_id = ${W} and d.is_deficit
      left join (select product_id, sum(r) as r from rem group by 1) r on r.product_id = p.product_id
      left join (select product_id, sum(variance) as s from v where variance > 0 group by 1) s on s.product_id = p.product_id),
    pair2 as (select pair.*, least(s, greatest(0, r - d0)) as f from pair),
    sur as (
      select n.line_id, n.product_id, n.ord, n.variance as s, n.new_lot_id, n.tracked, n.lot_key,
             least(n.variance, greatest(0, p.f - (sum(n.variance) over (partition by n.product_id order by n.ord) - n.variance))) as fill
      from v n join pair2 p on p.product_id = n.product_id where n.variance > 0),
    -- The pair's deficit lot moves by f − r: updated when it exists, created (≤ 0) when not
    -- (a CHECK is evaluated before ON CONFLICT could turn a positive insert into an update).
    def_upd as (
      update lots x set quantity = x.quantity + p.f - p.r from pair2 p
      where x.tenant_id = ${TENANT} and x.product_id = p.product_id and x.warehouse_id = ${W} and x.is_deficit and (p.r > 0 or p.f > 0)
      returning x.id, x.product_id),
    def_new as (
      insert into lots (tenant_id, product_id, warehouse_id, lot_number, initial_quantity, quantity, unit_cost, is_deficit)
      select ${TENANT}, p.product_id, ${W}, null, 0, p.f - p.r, a.cost, true from pair2 p join avgc a using (product_id)
      where (p.r > 0 or p.f > 0) and not exists (select 1 from lots x where x.tenant_id = ${TENANT} and x.product_id = p.product_id
        and x.warehouse_id = ${W} and x.is_deficit)
      returning id, product_id),
    def as (select * from def_upd union all select * from def_new),
    upd as (
      update lots x set quantity = x.quantity - t.q from (select lot_id, sum(q) as q from take group by 1) t
      where x.tenant_id = ${TENANT} and x.id = t.lot_id returning 1),
    nl as (
      insert into lots (tenant_id, id, product_id, warehouse_id, lot_number, initial_quantity, quantity, unit_cost, received_at, expires_at)
      select ${TENANT}, s.new_lot_id, s.product_id, ${W}, nullif(s.lot_key, ''), s.s - s.fill, s.s - s.fill, a.cost, clock_timestamp(),
             case when s.tracked and s.lot_key <> '' then (select min(x.expires_at) from lots x where x.tenant_id = ${TENANT}
               and x.product_id = s.product_id and x.lot_number = s.lot_key) end
      from sur s join avgc a using (product_id) where s.s - s.fill > 0
      returning 1),
    mv0 as (
      select t.product_id, t.ord, 1 as part, t.k, t.line_id, t.lot_id, -t.q as q, t.unit_cost from take t
      union all
      select r.product_id, r.ord, 2, 0, r.line_id, d.id, -r.r, a.cost from rem r join def d using (product_id) join avgc a using (product_id) where r.r > 0
      union all
      select s.product_id, s.ord, 3, 0, s.line_id, d.id, s.fill, a.cost from sur s join def d using (product_id) join avgc a using (product_id) where s.fill > 0
      union all
      select s.product_id, s.ord, 4, 0, s.line_id, s.new_lot_id, s.s - s.fill, a.cost from sur s join avgc a using (product_id) where s.s - s.fill > 0),
    mv1 as (
      select m.*, v.op_id, lvl.base + sum(m.q) over (partition by m.product_id order by m.ord, m.part, m.k) as after
      from mv0 m join v on v.line_id = m.line_id join lvl on lvl.product_id = m.product_id),
    mv as (
      insert into stock_movements (tenant_id, type, product_id, warehouse_id, lot_id, quantity, unit_cost, stock_before, stock_after,
                                   reference, source_type, source_id, operation_id, user_id)
      select ${TENANT}, 'AUDIT', m.product_id, ${W}, m.lot_id, m.q, m.unit_cost, m.after - m.q, m.after, ${reference}, 'COUNT', m.line_id::text, m.op_id, ${actor.userId}::uuid
      from mv1 m order by m.product_id, m.ord, m.part, m.k
      returning 1),
    lv as (
      update stock_levels s set quantity = s.quantity + d.delta, updated_at = now()
      from (select product_id, sum(variance) as delta from v group by 1 having sum(variance) <> 0) d
      where s.tenant_id = ${TENANT} and s.warehouse_id = ${W} and s.product_id = d.product_id returning 1),
    ln as (
      update count_lines l set status = 'APPLIED', counted_qty = v.counted, expected_qty = v.expected, variance_qty = v.variance,
             variance_cost = coalesce(c.cost, 0), unit_cost = case when v.variance <> 0 then round(coalesce(c.cost, 0) / v.variance, 4) end,
             operation_id = case when v.variance <> 0 then v.op_id end, applied_at = now(), applied_by = ${actor.userId}::uuid, error = null
      from v left join (select line_id, sum(q * unit_cost) as cost from mv0 group by 1) c on c.line_id = v.line_id
      where l.tenant_id = ${TENANT} and l.id = v.line_id and l.status <> 'APPLIED'
      returning 1)
    select (select count(*) from ln)::int as lines, (select count(*) from mv)::int as movements,
           (select count(*) from upd)::int + (select count(*) from nl)::int + (select count(*) from lv)::int as touched`);
  if (prev) await exec(tx, sql`select set_config('enable_nestloop', ${prev.v}, true)`);
  return { lines: res!.lines, movements: res!.movements };
}
