// npm run bench:inventory
//
// Seeds one big tenant (≥ 50,000 products, ≥ 500,000 movements) among other tenants with
// set-based SQL, then measures through the real code paths (app role, RLS on):
//   1. product search by name (listProducts: count + page, trigram index) p50 / p95;
//   2. stock-exit throughput with 8 concurrent workers through exitStock (withTenant);
//   3. the same exits as a hand-written SQL transaction (same locks, same writes), same run;
// and prints the ratio exitStock / hand-written.
//
// Uses its own embedded PostgreSQL in .data/pg-bench (or BENCH_DATABASE_ADMIN_URL, a
// superuser URL of an external server). Knobs: BENCH_PRODUCTS, BENCH_MOVES_PER_PRODUCT,
// BENCH_OTHER_TENANTS, BENCH_SECONDS, BENCH_WORKERS, BENCH_ROUNDS, BENCH_SEARCHES;
// BENCH_REUSE=1 reuses the database seeded by the previous run (same schema).
import path from "node:path";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "../src/server/db/embedded";
import { DEV_ROLES, ensureRolesAndDatabase, roleUrl } from "../src/server/db/roles";
import { runMigrations } from "../src/server/db/migrate";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 50_000);
const MOVES_PER_PRODUCT = Number(process.env.BENCH_MOVES_PER_PRODUCT ?? 10); // 1 IN + (n-1) exits
const OTHER_TENANTS = Number(process.env.BENCH_OTHER_TENANTS ?? 4);
const OTHER_PRODUCTS = Number(process.env.BENCH_OTHER_PRODUCTS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const HOT_PRODUCTS = 4_000; // exits spread over these (each starts with plenty of stock)
const DB = "mostrador_bench";

const WORDS_A = ["Agua", "Leche", "Cacao", "Café", "Harina", "Aceite", "Vino", "Cerveza", "Queso", "Yerba", "Azúcar", "Arroz", "Fideos", "Galletitas", "Jugo", "Gaseosa", "Chocolate", "Manteca", "Dulce", "Jabón"];
const WORDS_B = ["entera", "descremada", "amargo", "tostado", "000", "girasol", "malbec", "rubia", "cremoso", "suave", "común", "largo fino", "tirabuzón", "de agua", "naranja", "cola", "con almendras", "sin sal", "de leche", "de tocador"];
const WORDS_C = ["500 ml", "1 l", "400 g", "900 g", "2,5 kg", "1 kg", "750 ml", "473 ml", "x6", "x12", "200 g", "100 g"];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main() {
  let server: EmbeddedServer | undefined;
  let pgPort = 0;
  let adminUrl = process.env.BENCH_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    pgPort = await freePort();
    server = await startEmbeddedPostgres({ dir: path.resolve(process.cwd(), ".data/pg-bench"), port: pgPort, quiet: true });
    adminUrl = server.superuserUrl();
  }
  try {
    await ensureRolesAndDatabase(adminUrl, "postgres");
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    // BENCH_REUSE=1 keeps an already seeded database (same schema) and skips the seeding.
    const reuse = !!process.env.BENCH_REUSE && (await admin`select 1 from pg_database where datname = ${DB}`).length > 0;
    if (!reuse) {
      await admin.unsafe(`drop database if exists "${DB}" with (force)`);
      await admin.unsafe(`create database "${DB}" owner ${DEV_ROLES.owner.name}`);
    }
    await admin.end();
    const ownerUrl = roleUrl(adminUrl, DEV_ROLES.owner, DB);
    const appUrl = roleUrl(adminUrl, DEV_ROLES.app, DB);
    if (!reuse) await runMigrations(ownerUrl, DEV_ROLES.app.name);

    process.env.DATABASE_URL = appUrl;
    process.env.DATABASE_OWNER_URL = ownerUrl;
    process.env.DATABASE_POOL_MAX = String(WORKERS + 2);
    process.env.LOG_LEVEL ??= "warn";
    const { withTenant } = await import("../src/server/db/with-tenant");
    const { createTenant } = await import("../src/server/tenancy/create-tenant");
    const { exitStock } = await import("../src/server/inventory/exit-stock");
    const { listProducts } = await import("../src/server/catalog/list-products");
    const { closeDb } = await import("../src/server/db/client");

    // ---- seed ---------------------------------------------------------------------------
    const t0 = performance.now();
    const tenants: { id: string; warehouseId: string; products: number }[] = [];
    if (reuse) {
      const su = new URL(adminUrl);
      su.pathname = `/${DB}`;
      const sq = postgres(su.toString(), { max: 1, onnotice: () => {} });
      const rows = await sq<{ id: string; warehouse_id: string; products: number }[]>`
        select t.id, w.id as warehouse_id, (select count(*)::int from products p where p.tenant_id = t.id) as products
        from tenants t join warehouses w on w.tenant_id = t.id and w.is_default
        where t.slug like 'bench-%' order by t.slug`;
      await sq.end();
      tenants.push(...rows.map((r) => ({ id: r.id, warehouseId: r.warehouse_id, products: r.products })));
    }
    for (let i = 0; i <= OTHER_TENANTS && !reuse; i++) {
      const id = randomUUID();
      const userId = randomUUID();
      const { warehouseId } = await withTenant(
        id,
        (tx) =>
          createTenant(
            tx,
            { tenantId: id, businessName: i === 0 ? "Bench grande" : `Bench vecino ${i}`, kind: "HOTEL", slug: `bench-${i}-${id.slice(0, 6)}` },
            { kind: "new", userId, name: "Bench", email: `bench-${id}@bench.test`, password: "bench-password" },
          ),
        { userId },
      );
      tenants.push({ id, warehouseId, products: i === 0 ? PRODUCTS : OTHER_PRODUCTS });
    }
    const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    const words = (arr: string[]) => `array[${arr.map((w) => `'${w}'`).join(",")}]`; // constants, not user input
    for (const t of reuse ? [] : tenants) {
      await owner.begin(async (tx) => {
        await tx`select set_config('app.current_tenant', ${t.id}, true)`;
        await tx.unsafe(
          `insert into products (tenant_id, id, sku, name, unit, sale_price, iva_rate, stock_min, has_expiry)
           select $1::uuid, gen_random_uuid(), 'SKU-' || lpad(i::text, 7, '0'),
                  (${words(WORDS_A)})[1 + i % ${WORDS_A.length}] || ' ' || (${words(WORDS_B)})[1 + (i / ${WORDS_A.length}) % ${WORDS_B.length}] || ' ' ||
                  (${words(WORDS_C)})[1 + (i / 7) % ${WORDS_C.length}] || ' #' || i,
                  'u', (100 + i % 9000)::numeric(14,2), 21, 10, (i % 3 = 0)
           from generate_series(1, $2::int) as i`,
          [t.id, t.products],
        );
        await tx.unsafe(
          `insert into product_barcodes (tenant_id, product_id, barcode)
           select tenant_id, id, '779' || lpad(substr(sku, 5), 10, '0') from products`,
        );
        // One lot per product: 1000 in, (n-1) exits of 5 → quantity 1000 - 5(n-1).
        const exits = MOVES_PER_PRODUCT - 1;
        await tx.unsafe(
          `insert into lots (tenant_id, id, product_id, warehouse_id, lot_number, initial_quantity, quantity, unit_cost, received_at, expires_at)
           select tenant_id, gen_random_uuid(), id, $1::uuid, 'L-' || sku, 1000, 1000 - 5 * $2::int, (50 + random() * 500)::numeric(14,4),
                  now() - interval '30 days', case when has_expiry then current_date + (30 + (random() * 300)::int) end
           from products`,
          [t.warehouseId, exits],
        );
        await tx.unsafe(
          `insert into stock_levels (tenant_id, product_id, warehouse_id, quantity)
           select tenant_id, product_id, warehouse_id, quantity from lots`,
        );
        await tx.unsafe(
          `insert into stock_movements (tenant_id, type, product_id, warehouse_id, lot_id, quantity, unit_cost, stock_before, stock_after,
                                        destination_type, reference, source_type, operation_id, created_at)
           select l.tenant_id, case when k = 0 then 'IN' when k % 3 = 0 then 'CONSUME' else 'SALE' end::movement_type,
                  l.product_id, l.warehouse_id, l.id,
                  case when k = 0 then 1000 else -5 end, l.unit_cost,
                  case when k = 0 then 0 else 1000 - 5 * (k - 1) end, 1000 - 5 * k,
                  case when k % 3 = 0 and k > 0 then 'ROOM'::destination_type end,
                  case when k % 3 = 0 and k > 0 then 'HAB-' || (100 + k) end,
                  case when k = 0 then 'OPENING' else 'SALE' end, gen_random_uuid(),
                  now() - interval '30 days' + k * interval '1 day'
           from lots l cross join generate_series(0, $1::int) as k`,
          [exits],
        );
      });
    }
    if (!reuse) await owner.unsafe("analyze");
    const big = tenants[0]!;
    const hot = await owner.begin(async (tx) => {
      await tx`select set_config('app.current_tenant', ${big.id}, true)`;
      const c = await tx<{ products: number; movements: number }[]>`
        select (select count(*)::int from products) as products, (select count(*)::int from stock_movements) as movements`;
      const ids = await tx<{ id: string }[]>`select id from products order by random() limit ${HOT_PRODUCTS}`;
      return { counts: c[0]!, ids: ids.map((r) => r.id) };
    });
    await owner.end();
    const allMoves = tenants.reduce((a, t) => a + t.products * MOVES_PER_PRODUCT, 0);
    console.log(
      `${reuse ? "reused the seeded database" : "seeded"} in ${((performance.now() - t0) / 1000).toFixed(1)} s: big tenant ${hot.counts.products.toLocaleString("en")} products, ` +
        `${hot.counts.movements.toLocaleString("en")} movements; ${OTHER_TENANTS} other tenants; ${allMoves.toLocaleString("en")} movements in total`,
    );

    // ---- 1. search by name ------------------------------------------------------------
    const terms = Array.from({ length: SEARCHES }, (_, i) => {
      const a = WORDS_A[i % WORDS_A.length]!.toLowerCase();
      const b = WORDS_B[(i * 7) % WORDS_B.length]!;
      const c = WORDS_C[(i * 3) % WORDS_C.length]!;
      return [a.slice(0, 4), `${a} ${b}`, `${b} ${c}`, `#${1000 + ((i * 7919) % PRODUCTS)}`][i % 4]!;
    });
    // Cold: the embedded server is restarted first, so shared buffers are empty (the OS page
    // cache may still hold pages); every query of the first pass pays its own reads.
    // Warm: the same queries again. Target (issue 20): p95 ≤ 20 ms in both.
    if (server) {
      await closeDb();
      await server.stop();
      server = await startEmbeddedPostgres({ dir: path.resolve(process.cwd(), ".data/pg-bench"), port: pgPort, quiet: true });
    }
    const searchPass = async (includeInactive = false) => {
      const times: number[] = [];
      let hits = 0;
      for (const q of terms) {
        const s = performance.now();
        const r = await withTenant(big.id, (tx) => listProducts(tx, { search: q, pageSize: 25, includeInactive }));
        times.push(performance.now() - s);
        hits += r.rows.length ? 1 : 0;
      }
      return { times, hits };
    };
    const cold = await searchPass();
    const warm = await searchPass();
    const searchTimes = warm.times;
    // Baseline, same data and run: the general path (with inactive products), which still
    // groups the inventory's per-trigram table and reads every candidate product row.
    const general = await searchPass(true);
    const loadNow = (await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ");
    for (const [label, r] of [["cold", cold], ["warm", warm]] as const) {
      console.log(
        `search by name ${label} (listProducts, ${SEARCHES} queries, ${r.hits} with results): p50 ${ms(pct(r.times, 50))}, p95 ${ms(pct(r.times, 95))} ` +
          `→ ${(pct(r.times, 95) / 20).toFixed(2)}× the 20 ms target (load average ${loadNow})`,
      );
    }
    console.log(
      `search baseline (general path incl. inactive, warm): p50 ${ms(pct(general.times, 50))}, p95 ${ms(pct(general.times, 95))} → ` +
        `hot path p95 is ${(pct(warm.times, 95) / pct(general.times, 95)).toFixed(2)}× the baseline's`,
    );

    // ---- 2 & 3. exits: exitStock vs hand-written SQL ------------------------------------
    const pick = () => hot.ids[Math.floor(Math.random() * hot.ids.length)]!;
    async function run(label: string, one: (productId: string) => Promise<void>) {
      const latencies: number[] = [];
      let errors = 0;
      const deadline = performance.now() + SECONDS * 1000;
      const started = performance.now();
      const cpu0 = process.cpuUsage();
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          while (performance.now() < deadline) {
            const s = performance.now();
            try {
              await one(pick());
              latencies.push(performance.now() - s);
            } catch (e) {
              errors++;
              if (errors < 3) console.error(label, e);
            }
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      const tps = latencies.length / elapsed;
      const cpu = process.cpuUsage(cpu0);
      const cpuPerOp = (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length);
      console.log(
        `${label}: ${latencies.length} exits in ${elapsed.toFixed(1)} s with ${WORKERS} workers → ${tps.toFixed(0)} exits/s ` +
          `(p50 ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))}, Node CPU ${ms(cpuPerOp)}/exit, errors ${errors})`,
      );
      return tps;
    }

    const actor = { userId: null };
    const service = () =>
      run("exitStock (service)", async (productId) => {
        await withTenant(big.id, (tx) => exitStock(tx, { productId, warehouseId: big.warehouseId, quantity: "1", movementType: "SALE" }, actor));
      });

    // Hand-written: the same transaction shape and writes, tagged-template postgres.js with
    // prepared statements — lock the level row, pick the first FEFO/FIFO lot, then one
    // statement decrementing the lot, appending the movement and moving the level. No ORM,
    // no zod, no decimal arithmetic, no pack/deficit handling.
    const raw = postgres(appUrl, { max: WORKERS, onnotice: () => {} });
    const handWritten = () =>
      run("hand-written SQL", async (productId) => {
        await raw.begin(async (tx) => {
          await tx`select set_config('app.current_tenant', ${big.id}, true), set_config('app.current_user', '', true)`;
          const [level] = await tx<{ quantity: string }[]>`
            select quantity from stock_levels where tenant_id = ${big.id} and product_id = ${productId} and warehouse_id = ${big.warehouseId} for update`;
          const [lot] = await tx<{ id: string; unit_cost: string }[]>`
            select id, unit_cost from lots
            where tenant_id = ${big.id} and product_id = ${productId} and warehouse_id = ${big.warehouseId} and quantity > 0 and not is_deficit
            order by expires_at asc nulls last, received_at asc, seq asc limit 1`;
          if (!level || !lot || Number(level.quantity) < 1) throw new Error("no stock");
          // The same single write statement the service sends: lot, ledger line, level.
          await tx`
            with ld as (update lots set quantity = quantity - 1 where tenant_id = ${big.id} and id = ${lot.id} returning 1),
            mv as (insert into stock_movements (tenant_id, type, product_id, warehouse_id, lot_id, quantity, unit_cost, stock_before, stock_after, operation_id)
                   values (${big.id}, 'SALE', ${productId}, ${big.warehouseId}, ${lot.id}, -1, ${lot.unit_cost}, ${level.quantity}, ${level.quantity}::numeric - 1, ${randomUUID()}) returning 1),
            lv as (update stock_levels set quantity = quantity - 1, updated_at = now()
                   where tenant_id = ${big.id} and product_id = ${productId} and warehouse_id = ${big.warehouseId} returning 1)
            select 1`;
        });
      });

    // Warm both paths, then measure alternately (service, hand-written, service, hand-written).
    await Promise.all(hot.ids.slice(0, 50).map((id) => withTenant(big.id, (tx) => exitStock(tx, { productId: id, warehouseId: big.warehouseId, quantity: "1", movementType: "SALE" }, actor))));
    const serviceRuns: number[] = [];
    const handRuns: number[] = [];
    const s1 = await service();
    serviceRuns.push(s1);
    handRuns.push(await handWritten());
    for (let round = 1; round < ROUNDS; round++) {
      serviceRuns.push(await service());
      handRuns.push(await handWritten());
    }
    const median = (xs: number[]) => pct(xs, 50);
    const serviceTps = median(serviceRuns);
    const handTps = median(handRuns);
    // Each service round is paired with the hand-written round right after it (same load on
    // this machine); the reported ratio is the median of those paired ratios.
    const ratios = serviceRuns.map((v, i) => v / handRuns[i]!);
    console.log(
      `RESULT exit throughput, ${WORKERS} workers (median of ${ROUNDS} alternating rounds): exitStock ${serviceTps.toFixed(0)}/s vs hand-written SQL ${handTps.toFixed(0)}/s → ratio ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")})`,
    );
    console.log(`RESULT search cold p50 ${ms(pct(cold.times, 50))} p95 ${ms(pct(cold.times, 95))}; warm p50 ${ms(pct(searchTimes, 50))} p95 ${ms(pct(searchTimes, 95))}`);

    // The invariant still holds after all of that.
    const check = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    const bad = await check.begin(async (tx) => {
      await tx`select set_config('app.current_tenant', ${big.id}, true)`;
      return tx<{ n: number }[]>`
        select count(*)::int as n
        from stock_levels l
        full join (select product_id, warehouse_id, sum(quantity) as q from lots group by 1, 2) s using (product_id, warehouse_id)
        where coalesce(l.quantity, 0) <> coalesce(s.q, 0)`;
    });
    console.log(`stock_levels ≠ Σ lots after the run: ${bad[0]!.n} rows`);
    await check.end();
    await raw.end();
    await closeDb();
  } finally {
    await server?.stop();
  }
}

await main();
