// npm run bench:counts
//
// A 5,000-line blind count in a tenant with 50,000 products (2 lots each, a ledger of
// several movements per product), measured through the real code paths (app role, RLS on):
//   1. review data (getCountReview: figures of every line, totals, first page) p50 / p95;
//   2. apply of all 5,000 lines (applyCount: locks, figures, one set-based write);
//   3. the same apply as a hand-written set-based SQL statement on a twin count (another
//      5,000 products with the same distribution), same run;
// and prints the ratio hand-written / applyCount (≥ 0.5 wanted) and the load average.
//
// Own embedded PostgreSQL in .data/pg-bench-counts (or BENCH_DATABASE_ADMIN_URL). Knobs:
// BENCH_PRODUCTS, BENCH_LINES, BENCH_REVIEWS.
import path from "node:path";
import os from "node:os";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "../src/server/db/embedded";
import { DEV_ROLES, ensureRolesAndDatabase, roleUrl } from "../src/server/db/roles";
import { runMigrations } from "../src/server/db/migrate";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 50_000);
const LINES = Number(process.env.BENCH_LINES ?? 5_000);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 30);
const DB = "mostrador_bench_counts";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  let server: EmbeddedServer | undefined;
  let adminUrl = process.env.BENCH_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    server = await startEmbeddedPostgres({ dir: path.resolve(process.cwd(), ".data/pg-bench-counts"), port: await freePort(), quiet: true });
    adminUrl = server.superuserUrl();
  }
  try {
    await ensureRolesAndDatabase(adminUrl, "postgres");
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${DB}" with (force)`);
    await admin.unsafe(`create database "${DB}" owner ${DEV_ROLES.owner.name}`);
    await admin.end();
    const ownerUrl = roleUrl(adminUrl, DEV_ROLES.owner, DB);
    const appUrl = roleUrl(adminUrl, DEV_ROLES.app, DB);
    await runMigrations(ownerUrl, DEV_ROLES.app.name);
    process.env.DATABASE_URL = appUrl;
    process.env.DATABASE_OWNER_URL = ownerUrl;
    process.env.LOG_LEVEL ??= "warn";
    const { withTenant } = await import("../src/server/db/with-tenant");
    const { createTenant } = await import("../src/server/tenancy/create-tenant");
    const { createCount } = await import("../src/server/counts/create-count");
    const { changeCountStatus } = await import("../src/server/counts/change-count-status");
    const { getCountReview } = await import("../src/server/counts/get-count-review");
    const { applyCount } = await import("../src/server/counts/apply-count");
    const { closeDb } = await import("../src/server/db/client");

    // ---- seed (set-based, as the owner) -------------------------------------------------
    const t0 = performance.now();
    const tenantId = randomUUID();
    const userId = randomUUID();
    const { warehouseId } = await withTenant(
      tenantId,
      (tx) =>
        createTenant(
          tx,
          { tenantId, businessName: "Bench conteos", kind: "RETAIL", slug: `bench-counts-${tenantId.slice(0, 6)}` },
          { kind: "new", userId, name: "Bench", email: `bench-${tenantId}@bench.test`, password: "bench-password" },
        ),
      { userId },
    );
    const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    await owner.begin(async (tx) => {
      await tx`select set_config('app.current_tenant', ${tenantId}, true)`;
      await tx.unsafe(
        `insert into products (tenant_id, id, sku, name, unit, sale_price, has_expiry)
         select $1::uuid, gen_random_uuid(), 'SKU-' || lpad(i::text, 7, '0'), 'Producto ' || i, 'u', 100, (i % 2 = 0)
         from generate_series(1, $2::int) as i`,
        [tenantId, PRODUCTS],
      );
      // Two lots per product (FEFO has something to choose), 6 movements each.
      await tx.unsafe(
        `insert into lots (tenant_id, product_id, warehouse_id, lot_number, initial_quantity, quantity, unit_cost, received_at, expires_at)
         select tenant_id, id, $1::uuid, 'L' || k || '-' || sku, 40, 30, (50 + random() * 500)::numeric(14,4), now() - interval '30 days' + k * interval '1 day',
                case when has_expiry then current_date + (30 + (random() * 300)::int) end
         from products cross join generate_series(1, 2) as k`,
        [warehouseId],
      );
      await tx.unsafe(
        `insert into stock_levels (tenant_id, product_id, warehouse_id, quantity)
         select tenant_id, product_id, warehouse_id, sum(quantity) from lots group by 1, 2, 3`,
      );
      await tx.unsafe(
        `insert into stock_movements (tenant_id, type, product_id, warehouse_id, lot_id, quantity, unit_cost, stock_before, stock_after, source_type, operation_id, created_at)
         select l.tenant_id, case when k = 0 then 'IN' else 'SALE' end::movement_type, l.product_id, l.warehouse_id, l.id,
                case when k = 0 then 40 else -5 end, l.unit_cost, 0, 0, 'BENCH', gen_random_uuid(), now() - interval '20 days' + k * interval '1 day'
         from lots l cross join generate_series(0, 2) as k`,
      );
    });
    await owner.unsafe("analyze");
    const sets = await owner.begin(async (tx) => {
      await tx`select set_config('app.current_tenant', ${tenantId}, true)`;
      const ids = await tx<{ id: string }[]>`select id from products order by random() limit ${2 * LINES}`;
      return [ids.slice(0, LINES).map((r) => r.id), ids.slice(LINES).map((r) => r.id)];
    });
    const run = <T,>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(tenantId, fn, { userId });
    const counts: string[] = [];
    for (const [i, productIds] of sets.entries()) {
      counts.push((await run((tx) => createCount(tx, { name: `Conteo ${i}`, warehouseId, productIds }, { userId }))).id);
    }
    // Entries as the service writes them (position + frozen balance), set-based: one per
    // product, counted = system ± up to 8 (some shortfalls reach into the second lot).
    for (const countId of counts) {
      await owner.begin(async (tx) => {
        await tx`select set_config('app.current_tenant', ${tenantId}, true)`;
        await tx`
          insert into count_lines (tenant_id, count_id, product_id, lot_key)
          select ${tenantId}, ${countId}, product_id, '' from count_products where count_id = ${countId}`;
        await tx`
          insert into count_entries (tenant_id, id, count_id, product_id, lot_key, round, quantity, user_id, counted_at, ledger_seq, system_qty)
          select ${tenantId}, gen_random_uuid(), ${countId}, cp.product_id, '', 0, greatest(0, s.quantity + (random() * 16)::int - 8), ${userId}, now(),
                 (select max(m.seq) from stock_movements m where m.product_id = cp.product_id and m.warehouse_id = ${warehouseId}), s.quantity
          from count_products cp join stock_levels s on s.product_id = cp.product_id and s.warehouse_id = ${warehouseId}
          where cp.count_id = ${countId}`;
      });
      await run((tx) => changeCountStatus(tx, { countId, action: "close" }, { userId }));
    }
    await owner.unsafe("analyze");
    console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${PRODUCTS.toLocaleString("en")} products, 2 counts of ${LINES.toLocaleString("en")} lines`);

    // ---- 1. review data -----------------------------------------------------------------
    for (let i = 0; i < 3; i++) await run((tx) => getCountReview(tx, { countId: counts[0]! }));
    const reviewTimes: number[] = [];
    for (let i = 0; i < REVIEWS; i++) {
      const s = performance.now();
      const r = await run((tx) => getCountReview(tx, { countId: counts[0]!, filter: i % 2 ? "differences" : "all" }));
      reviewTimes.push(performance.now() - s);
      if (r.totals.lines !== LINES) throw new Error(`review saw ${r.totals.lines} lines`);
    }
    const reviewP95 = pct(reviewTimes, 95);
    console.log(`review data (${REVIEWS} loads of ${LINES} lines): p50 ${ms(pct(reviewTimes, 50))}, p95 ${ms(reviewP95)} (target ≤ 300 ms)`);

    // ---- 2. applyCount ------------------------------------------------------------------
    let s = performance.now();
    const applied = await run((tx) => applyCount(tx, { countId: counts[0]! }, { userId }));
    const applyMs = performance.now() - s;
    if (applied.applied !== LINES || applied.failed.length) throw new Error(`applyCount applied ${applied.applied}, failed ${applied.failed.length}`);
    console.log(`applyCount: ${applied.applied} lines, ${applied.movements} movements in ${ms(applyMs)} (target ≤ 3000 ms)`);

    // ---- 3. hand-written set-based SQL on the twin count ---------------------------------
    s = performance.now();
    const base = await run((tx) => baseline(tx, counts[1]!, warehouseId, userId));
    const baseMs = performance.now() - s;
    console.log(`hand-written SQL: ${base.lines} lines, ${base.movements} movements in ${ms(baseMs)}`);
    const [check] = await owner<{ bad: number }[]>`
      select count(*)::int as bad from stock_levels l
      where l.tenant_id = ${tenantId} and l.quantity <> (select coalesce(sum(x.quantity), 0) from lots x where x.tenant_id = l.tenant_id and x.product_id = l.product_id and x.warehouse_id = l.warehouse_id)`;
    await owner.end();
    console.log(`levels ≠ Σ lots after both applies: ${check!.bad}`);
    console.log(`ratio hand-written / applyCount: ${(baseMs / applyMs).toFixed(2)} (target ≥ 0.5)`);
    console.log(`load average (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")} on ${os.cpus().length} cores`);
    await closeDb();
  } finally {
    await server?.stop();
  }
}

/**
 * The baseline: the same adjustment written by hand as one statement (figures from the
 * entries' frozen balances, FEFO consumption, surplus lots at average cost, AUDIT lines
 * with running balances, levels, count lines), no deficit handling (none is needed here).
 */
async function baseline(tx: import("../src/server/db/client").Tx, countId: string, warehouseId: string, userId: string) {
  const { sql } = await import("drizzle-orm");
  await tx.execute(sql`select 1 from stock_levels where warehouse_id = ${warehouseId}
    and product_id in (select product_id from count_lines where count_id = ${countId}) order by product_id for update`);
  const [r] = await tx.execute<{ lines: number; movements: number }>(sql`
    with v as (
      select l.id as line_id, l.product_id, sum(e.quantity) as counted, (array_agg(e.system_qty order by e.counted_at desc))[1] as expected,
             sum(e.quantity) - (array_agg(e.system_qty order by e.counted_at desc))[1] as variance, gen_random_uuid() as op_id
      from count_lines l join count_entries e on e.count_id = l.count_id and e.product_id = l.product_id and e.lot_key = l.lot_key and e.voided_at is null
      where l.count_id = ${countId} and l.status = 'PENDING' group by l.id, l.product_id),
    avgc as (select v.product_id, coalesce(sum(x.quantity * x.unit_cost) / nullif(sum(x.quantity), 0), 0)::numeric(14,4) as cost
             from v left join lots x on x.product_id = v.product_id and x.quantity > 0 and not x.is_deficit group by v.product_id),
    take as (
      select * from (
        select v.line_id, v.product_id, x.id as lot_id, x.unit_cost, -v.variance as want, x.quantity,
               sum(x.quantity) over (partition by v.line_id order by x.expires_at nulls last, x.received_at, x.seq) as cum,
               row_number() over (partition by v.line_id order by x.expires_at nulls last, x.received_at, x.seq) as k
        from v join lots x on x.product_id = v.product_id and x.warehouse_id = ${warehouseId} and x.quantity > 0 and not x.is_deficit
        where v.variance < 0) c
      where cum - quantity < want),
    moves as (
      select line_id, product_id, lot_id, -least(quantity, want - (cum - quantity)) as q, unit_cost, k from take
      union all
      select v.line_id, v.product_id, gen_random_uuid(), v.variance, a.cost, 0 from v join avgc a using (product_id) where v.variance > 0),
    nl as (
      insert into lots (tenant_id, id, product_id, warehouse_id, initial_quantity, quantity, unit_cost)
      select ${TENANT_SQL}, m.lot_id, m.product_id, ${warehouseId}, m.q, m.q, m.unit_cost from moves m where m.q > 0 returning 1),
    upd as (
      update lots x set quantity = x.quantity + m.q from moves m where m.q < 0 and x.id = m.lot_id returning 1),
    mv as (
      insert into stock_movements (tenant_id, type, product_id, warehouse_id, lot_id, quantity, unit_cost, stock_before, stock_after, source_type, source_id, operation_id, user_id)
      select ${TENANT_SQL}, 'AUDIT', m.product_id, ${warehouseId}, m.lot_id, m.q, m.unit_cost,
             s.quantity + sum(m.q) over w - m.q, s.quantity + sum(m.q) over w, 'COUNT', m.line_id::text, v.op_id, ${userId}::uuid
      from moves m join v using (line_id) join stock_levels s on s.product_id = m.product_id and s.warehouse_id = ${warehouseId}
      window w as (partition by m.product_id order by m.k)
      returning 1),
    lv as (
      update stock_levels s set quantity = s.quantity + v.variance from v where v.variance <> 0 and s.product_id = v.product_id and s.warehouse_id = ${warehouseId} returning 1),
    ln as (
      update count_lines l set status = 'APPLIED', counted_qty = v.counted, expected_qty = v.expected, variance_qty = v.variance,
             operation_id = v.op_id, applied_at = now() from v where l.id = v.line_id returning 1)
    select (select count(*) from ln)::int as lines, (select count(*) from mv)::int as movements,
           (select count(*) from nl)::int + (select count(*) from upd)::int + (select count(*) from lv)::int as touched`);
  return r!;
}

const TENANT_SQL = (await import("drizzle-orm")).sql`(select nullif(current_setting('app.current_tenant', true), '')::uuid)`;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
