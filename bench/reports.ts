// npm run bench:reports — report latency at volume, against the same figures computed from
// the raw sale lines in the same run, and the rollup triggers' cost on the sale path.
//
// A fresh embedded PostgreSQL (.data/pg-bench-reports): one tenant with BENCH_LINES (default
// 2,000,000) sale lines over the last 365 days (5 lines per sale, 500 products, 4 registers,
// line and ticket discounts, split payments, 2 % voided) among two other tenants with
// BENCH_OTHER_LINES each. Sales are bulk-generated with set-based SQL as the owner role with
// the rollup triggers disabled, then each tenant's rollups are rebuilt (`reports_rebuild()`).
//
// Timed through the real code path: the app's tRPC router (createCaller with a signed-in
// owner's token → membership check → withTenant transaction as the app role, RLS on) for the
// dashboard ("last 30 days", "this year") and a year's sales by product. The baseline is the
// same figures from the raw sale lines (app role, RLS on), and both must agree to the cent.
// Then the sale commit (createSale in a tenant transaction) with and without the triggers.
import { randomBytes, randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";

process.env.LOG_LEVEL ??= "warn";
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
// Production refuses to start without its secrets: fresh random ones; Inngest events go to a
// closed local port (fiscal documents stay PENDING), as in scripts/e2e-server.ts.
process.env.FISCAL_KEY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.INNGEST_SIGNING_KEY ??= `signkey-test-${randomBytes(32).toString("hex")}`;
process.env.INNGEST_EVENT_KEY ??= randomBytes(16).toString("hex");
process.env.INNGEST_BASE_URL ??= "http://127.0.0.1:9";

const LINES = Number(process.env.BENCH_LINES ?? 2_000_000);
const OTHER_LINES = Number(process.env.BENCH_OTHER_LINES ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SALE_ROUNDS = Number(process.env.BENCH_SALE_ROUNDS ?? 6);
const SALES_PER_ROUND = Number(process.env.BENCH_SALES_PER_ROUND ?? 40);
const PRODUCTS = 500;
const REGISTERS = 4;
const LINES_PER_SALE = 5;

const { freePort } = await import("../src/server/db/embedded");
const { resolveDatabase, migrateTarget } = await import("../src/server/db/bootstrap");
const dataDir = path.resolve(process.cwd(), ".data/pg-bench-reports");
delete process.env.DATABASE_URL;
rmSync(dataDir, { recursive: true, force: true });
const target = await resolveDatabase({ dataDir, port: await freePort() });
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
await migrateTarget(target);

const postgres = (await import("postgres")).default;
const { sql } = await import("drizzle-orm");
const { withTenant } = await import("../src/server/db/with-tenant");
const { createTenant } = await import("../src/server/tenancy/create-tenant");
const { seedMember } = await import("../src/server/tenancy/seed-member");
const { receiveStock } = await import("../src/server/inventory/receive-stock");
const { openCashSession } = await import("../src/server/cash/open-cash-session");
const { createSale } = await import("../src/server/pos/create-sale");
const { createCaller } = await import("../src/server/api/root");
const { closeDb } = await import("../src/server/db/client");
const owner = postgres(target.ownerUrl, { max: 1, onnotice: () => {} });

type T = { tenantId: string; ownerId: string; slug: string; warehouseId: string; registers: string[]; cashiers: string[] };
async function makeTenant(slug: string, registers: number): Promise<T> {
  const tenantId = randomUUID();
  const ownerId = randomUUID();
  const { warehouseId } = await withTenant(
    tenantId,
    (tx) => createTenant(tx, { tenantId, businessName: slug, kind: "RETAIL", slug }, { kind: "new", userId: ownerId, name: "Dueño", email: `owner@${slug}.test`, password: "bench-password" }),
    { userId: ownerId },
  );
  const cashiers: string[] = [];
  for (let i = 0; i < registers; i++) {
    const userId = await withTenant(
      tenantId,
      (tx) => seedMember(tx, { email: `cajero${i}@${slug}.test`, name: `Cajero ${i + 1}`, role: "CASHIER", password: "bench-password" }, { userId: ownerId, tenantId }),
      { userId: ownerId },
    );
    cashiers.push(userId!);
  }
  const regs = await withTenant(tenantId, async (tx) => {
    const out = (await tx.execute<{ id: string }>(sql`select id from registers`)).map((r) => r.id);
    for (let i = out.length; i < registers; i++) {
      const [r] = await tx.execute<{ id: string }>(sql`insert into registers (tenant_id, name, warehouse_id) values (${tenantId}, ${"Caja " + (i + 1)}, ${warehouseId}) returning id`);
      out.push(r!.id);
    }
    return out;
  });
  return { tenantId, ownerId, slug, warehouseId, registers: regs, cashiers };
}

/** Set-based bulk load of one tenant's year of sales, as the owner (RLS still on: tenant set). */
async function generate(t: T, lines: number) {
  const sales = Math.floor(lines / LINES_PER_SALE);
  await owner.begin(async (q) => {
    await q`select set_config('app.current_tenant', ${t.tenantId}, true)`;
    await q`insert into categories (tenant_id, name) select ${t.tenantId}, 'Categoría ' || g from generate_series(1, 10) g`;
    await q`
      insert into products (tenant_id, sku, name, sale_price, iva_rate, category_id)
      select ${t.tenantId}, 'P-' || g, 'Producto ' || g, 100 + (g * 37) % 4900, case when g % 5 = 0 then 10.5 else 21 end,
             (select id from categories c where c.tenant_id = ${t.tenantId} order by name offset (g % 10) limit 1)
      from generate_series(1, ${PRODUCTS}) g`;
    await q`create temp table bp on commit drop as
      select row_number() over (order by sku)::int - 1 as k, id, sale_price as price, round(sale_price * 0.6, 4) as cost, iva_rate
      from products where tenant_id = ${t.tenantId}`;
    await q`create temp table breg on commit drop as
      select (r.ord - 1)::int as k, r.id, r.cashier, gen_random_uuid() as session
      from unnest(${t.registers}::uuid[], ${t.cashiers}::uuid[]) with ordinality r(id, cashier, ord)`;
    await q`insert into cash_sessions (tenant_id, id, register_id, status, opening_float, opened_by, opened_at, closed_by, closed_at)
      select ${t.tenantId}, session, id, 'CLOSED', 0, cashier, now() - interval '366 days', cashier, now() - interval '365 days' from breg`;
    // Sales spread over 365 days and the shop's hours (08–21).
    await q`create temp table bs on commit drop as
      select i, gen_random_uuid() as id, (i % ${t.registers.length})::int as r,
             date_trunc('hour', now()) - ((i % 365) * interval '1 day') - (((i * 7) % 12) * interval '1 hour') - ((i % 60) * interval '1 minute') as at
      from generate_series(1, ${sales}) i`;
    await q`create temp table bl on commit drop as
      select s.i, n as line_no, p.id as product_id, p.price, p.iva_rate, q.qty,
             round(q.qty * p.price, 2) as gross,
             case when (s.i + n) % 10 = 0 then round(q.qty * p.price * 0.05, 2) else 0 end as disc,
             round(q.qty * p.cost, 2) as cost
      from bs s cross join generate_series(1, ${LINES_PER_SALE}) n
      cross join lateral (select (1 + (s.i + n) % 3)::numeric as qty, ((s.i * 31 + n * 17) % ${PRODUCTS})::int as k) q
      join bp p on p.k = q.k`;
    await q`create temp table bt on commit drop as
      select i, sum(gross - disc) as subtotal, sum(cost) as cost,
             case when i % 20 = 0 then least(50, sum(gross - disc)) else 0 end as tdisc
      from bl group by i`;
    await q`
      insert into sales (tenant_id, id, register_id, cash_session_id, warehouse_id, ticket_number, cashier_id, mode, status,
        subtotal, discount, total, paid, change, cost_total, created_at, recorded_at, voided_at, voided_by, void_reason)
      select ${t.tenantId}, s.id, r.id, r.session, ${t.warehouseId}, s.i, r.cashier, case when s.i % 97 = 0 then 'OFFLINE' else 'ONLINE' end::pos_sale_mode,
             case when s.i % 50 = 0 then 'VOIDED' else 'COMPLETED' end::pos_sale_status,
             x.subtotal, x.tdisc, x.subtotal - x.tdisc, x.subtotal - x.tdisc, 0, x.cost, s.at, s.at,
             case when s.i % 50 = 0 then s.at + interval '1 hour' end, case when s.i % 50 = 0 then r.cashier end,
             case when s.i % 50 = 0 then 'bench' end
      from bs s join bt x on x.i = s.i join breg r on r.k = s.r`;
    await q`
      insert into sale_lines (tenant_id, sale_id, line_no, product_id, description, quantity, unit_price, discount, total, iva_rate, cost_total)
      select ${t.tenantId}, s.id, l.line_no, l.product_id, 'Producto', l.qty, l.price, l.disc, l.gross - l.disc, l.iva_rate, l.cost
      from bl l join bs s on s.i = l.i`;
    // One payment, or cash + debit on every 7th sale.
    await q`
      insert into sale_payments (tenant_id, sale_id, line_no, method, amount, applied)
      select ${t.tenantId}, s.id, 1, (array['CASH','DEBIT','CREDIT','TRANSFER'])[1 + s.i % 4]::pos_payment_method, a.first, a.first
      from bs s join bt x on x.i = s.i
      cross join lateral (select case when s.i % 7 = 0 then round((x.subtotal - x.tdisc) / 2, 2) else x.subtotal - x.tdisc end as first) a`;
    await q`
      insert into sale_payments (tenant_id, sale_id, line_no, method, amount, applied)
      select ${t.tenantId}, s.id, 2, 'DEBIT', (x.subtotal - x.tdisc) - round((x.subtotal - x.tdisc) / 2, 2), (x.subtotal - x.tdisc) - round((x.subtotal - x.tdisc) / 2, 2)
      from bs s join bt x on x.i = s.i where s.i % 7 = 0`;
  });
}

const triggers = async (on: boolean) => {
  const verb = on ? owner`enable` : owner`disable`;
  await owner`alter table sales ${verb} trigger reports_sale_rollup`;
  await owner`alter table sales ${verb} trigger reports_sales_void_rollup`;
};

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, p50: q(0.5), p95: q(0.95) };
};
async function time<R>(runs: number, fn: () => Promise<R>, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  let last: R | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    last = await fn();
    xs.push(ms(t0));
  }
  return { ...stats(xs), result: last! };
}

// ---- data
const t0 = process.hrtime.bigint();
const big = await makeTenant("grande", REGISTERS);
const others = [await makeTenant("otro-uno", 2), await makeTenant("otro-dos", 2)];
await triggers(false);
await generate(big, LINES);
for (const o of others) await generate(o, OTHER_LINES);
await triggers(true);
const loaded = ms(t0);
const r0 = process.hrtime.bigint();
for (const t of [big, ...others]) await withTenant(t.tenantId, (tx) => tx.execute(sql`select reports_rebuild()`));
const rebuilt = ms(r0);
await owner`vacuum analyze`;
const counts = { lines: 0, rows: 0 };
for (const t of [big, ...others]) {
  const [c] = await withTenant(t.tenantId, (tx) =>
    tx.execute<{ lines: number; rows: number }>(sql`select (select count(*) from sale_lines)::int as lines, (select count(*) from report_daily_products)::int as rows`),
  );
  counts.lines += c!.lines;
  counts.rows += c!.rows;
}

// ---- reads: rollups through tRPC vs. raw lines
const caller = createCaller({ requestId: randomUUID(), tenantSlug: big.slug, ip: "bench", token: { uid: big.ownerId, sv: 1 } });
const { today } = await withTenant(big.tenantId, async (tx) => (await import("../src/server/reports/common")).businessClock(tx));
const { addDays } = await import("../src/lib/report-period");
const last30 = { from: addDays(today, -29), to: today };
const thisYear = { from: `${today.slice(0, 4)}-01-01`, to: today };
const yearBack = { from: addDays(today, -364), to: today };

/** Net sales of a period from the raw sales: rung in it − voided in it (business days). */
const rawNet = (p: { from: string; to: string }) =>
  withTenant(big.tenantId, async (tx) => {
    const [r] = await tx.execute<{ net: string }>(sql`
      select ((select coalesce(sum(total), 0) from sales where (created_at at time zone reports_tz())::date between ${p.from}::date and ${p.to}::date)
            - (select coalesce(sum(total), 0) from sales where status = 'VOIDED' and (voided_at at time zone reports_tz())::date between ${p.from}::date and ${p.to}::date))::text as net`);
    return r!.net;
  });
/** Net by product from the raw lines, ticket discount spread with the same cumulative rounding. */
const rawByProduct = (p: { from: string; to: string }) =>
  withTenant(big.tenantId, async (tx) =>
    tx.execute<{ product_id: string; net: string }>(sql`
      with l as (
        select l.product_id, l.total, s.subtotal, s.discount as d, s.status, s.created_at, s.voided_at,
               sum(l.total) over (partition by l.sale_id order by l.line_no) as cum
        from sale_lines l join sales s on s.tenant_id = l.tenant_id and s.id = l.sale_id
        where s.created_at >= (${p.from}::date::timestamp at time zone reports_tz()) - interval '1 day'
      ), n as (
        select product_id, created_at, voided_at, status,
               total - case when subtotal = 0 then 0 else round(d * cum / subtotal, 2) - round(d * (cum - total) / subtotal, 2) end as net
        from l
      )
      select product_id::text, (coalesce(sum(net) filter (where (created_at at time zone reports_tz())::date between ${p.from}::date and ${p.to}::date), 0)
             - coalesce(sum(net) filter (where status = 'VOIDED' and (voided_at at time zone reports_tz())::date between ${p.from}::date and ${p.to}::date), 0))::text as net
      from n group by product_id order by product_id`),
  );

const d30 = await time(RUNS, () => caller.reports.dashboard(last30));
const d30raw = await time(3, () => rawNet(last30), 1);
const dYear = await time(RUNS, () => caller.reports.dashboard(thisYear));
const dYearRaw = await time(3, () => rawNet(thisYear), 1);
const prod = await time(RUNS, () => caller.reports.sales({ ...yearBack, by: "product", orderBy: "net" }));
const prodRaw = await time(2, () => rawByProduct(yearBack), 0);

const rollupByProduct = new Map(prod.result.rows.map((r) => [r.key, r.net]));
const mismatches = prodRaw.result.filter((r) => rollupByProduct.get(r.product_id) !== r.net && !(r.net === "0.00" && !rollupByProduct.has(r.product_id)));
const figuresMatch =
  d30.result.current.net === d30raw.result && dYear.result.current.net === dYearRaw.result && mismatches.length === 0 && prod.result.rows.length === prodRaw.result.length;

// ---- the sale path: createSale with and without the rollup triggers, interleaved rounds
const cashierId = big.cashiers[0]!;
const { registerId, cashSessionId, products } = await withTenant(
  big.tenantId,
  async (tx) => {
    const [reg] = await tx.execute<{ id: string }>(sql`insert into registers (tenant_id, name, warehouse_id) values (${big.tenantId}, 'Caja bench', ${big.warehouseId}) returning id`);
    const s = await openCashSession(tx, { registerId: reg!.id, openingFloat: "0" }, { userId: cashierId });
    const ps = await tx.execute<{ id: string; price: string }>(sql`select id, sale_price::text as price from products order by sku limit 40`);
    for (const p of ps) await receiveStock(tx, { productId: p.id, warehouseId: big.warehouseId, quantity: "1000000", unitCost: "50" }, { userId: cashierId });
    return { registerId: reg!.id, cashSessionId: s.id, products: ps };
  },
  { userId: cashierId },
);
async function oneSale() {
  const chosen = [...new Set(Array.from({ length: 8 }, () => products[Math.floor(Math.random() * products.length)]!))].slice(0, 5);
  const total = chosen.reduce((a, p) => a + Math.round(Number(p.price) * 100), 0);
  const input = {
    id: randomUUID(),
    registerId,
    cashSessionId,
    createdAt: new Date().toISOString(),
    lines: chosen.map((p) => ({ productId: p.id, quantity: "1", unitPrice: p.price })),
    payments: [{ method: "CASH" as const, amount: (total / 100).toFixed(2) }],
  };
  const t = process.hrtime.bigint();
  await withTenant(big.tenantId, (tx) => createSale(tx, input, { userId: cashierId }, { mode: "online" }), { userId: cashierId });
  return ms(t);
}
const withTrig: number[] = [];
const without: number[] = [];
for (let i = 0; i < 20; i++) await oneSale(); // warm-up
for (let round = 0; round < SALE_ROUNDS; round++) {
  for (const on of round % 2 === 0 ? [true, false] : [false, true]) {
    await triggers(on);
    for (let i = 0; i < SALES_PER_ROUND; i++) (on ? withTrig : without).push(await oneSale());
  }
}
await triggers(true);
const sOn = stats(withTrig);
const sOff = stats(without);

// ---- report
const f = (x: number) => x.toFixed(1).padStart(8);
console.log(`\nbench:reports — ${counts.lines} sale lines (${LINES} in the measured tenant, ${OTHER_LINES} in each of 2 others); ${counts.rows} product-day rollup rows`);
console.log(`bulk load ${(loaded / 1000).toFixed(1)} s, rollup rebuild ${(rebuilt / 1000).toFixed(1)} s`);
console.log("                                         n   p50 ms   p95 ms");
const row = (name: string, r: { n: number; p50: number; p95: number }) => console.log(`${name.padEnd(38)} ${String(r.n).padStart(3)} ${f(r.p50)} ${f(r.p95)}`);
row("dashboard last 30 days (tRPC, rollups)", d30);
row("  baseline: net from raw sales", d30raw);
row("dashboard this year (tRPC, rollups)", dYear);
row("  baseline: net from raw sales", dYearRaw);
row("sales by product, 365 days (tRPC)", prod);
row("  baseline: raw lines by product", prodRaw);
row("sale commit with rollup triggers", sOn);
row("sale commit without triggers", sOff);
console.log(`ratio raw/rollup p50: dashboard 30 d ${(d30raw.p50 / d30.p50).toFixed(2)}× (raw computes net only), year by product ${(prodRaw.p50 / prod.p50).toFixed(1)}×`);
console.log(`figures match the raw lines to the cent: ${figuresMatch ? "yes" : `NO (${mismatches.length} products differ; net 30 d ${d30.result.current.net} vs ${d30raw.result}, year ${dYear.result.current.net} vs ${dYearRaw.result})`}`);
const overhead = (sOn.p50 / sOff.p50 - 1) * 100;
console.log(`targets: dashboard p95 ≤ 300 ms: ${Math.max(d30.p95, dYear.p95) <= 300 ? "MET" : "NOT MET"} (30 d ${d30.p95.toFixed(1)}, year ${dYear.p95.toFixed(1)})`);
console.log(`         year sales-by-product p95 ≤ 500 ms: ${prod.p95 <= 500 ? "MET" : "NOT MET"} (${prod.p95.toFixed(1)})`);
console.log(`         rollup trigger cost on sale commit (p50) ≤ 10 %: ${overhead <= 10 ? "MET" : "NOT MET"} (${overhead.toFixed(1)} %: ${sOn.p50.toFixed(1)} vs ${sOff.p50.toFixed(1)} ms)`);
console.log(`load average (1 min): ${loadavg()[0]!.toFixed(1)} on ${(await import("node:os")).cpus().length} cores`);

await owner.end();
await closeDb();
await target.server?.stop();
process.exit(figuresMatch ? 0 : 1);
