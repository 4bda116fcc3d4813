// npm run bench:purchasing
//
// Measures, through the real services (app role, RLS on, one tenant among neighbours):
//   1. price-list preview of a 10,000-row CSV (parse + validate + ONE set-based lookup of
//      all barcodes) against a baseline that looks each barcode up with its own query
//      (the obvious row-by-row implementation), same data, same run → ratio;
//   2. applying the list (parse, then one set-based statement: upsert by barcode);
//   3. applying only the valid rows of a list with rejected ones (every 20th price ambiguous);
//   4. replenishment over the catalog (one SQL statement) with families.
// `npm run bench:pricelist` runs 1–3 only (target: ≤ 3 s for 10,000 rows).
//
// Uses its own embedded PostgreSQL in .data/pg-bench-purchasing (or BENCH_DATABASE_ADMIN_URL).
// Knobs: BENCH_ROWS (10000), BENCH_ROUNDS (3), BENCH_PRODUCTS (20000).
import os from "node:os";
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "../src/server/db/embedded";
import { DEV_ROLES, ensureRolesAndDatabase, roleUrl } from "../src/server/db/roles";
import { runMigrations } from "../src/server/db/migrate";
import { withCheckDigit } from "../src/lib/barcode";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 20_000);
const DB = "mostrador_bench_purchasing";
const PRICE_LIST_ONLY = process.argv.includes("--price-list-only");
const TARGET_MS = 3000;
const ean = (n: number) => withCheckDigit(`779${String(n).padStart(9, "0")}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  let server: EmbeddedServer | undefined;
  let adminUrl = process.env.BENCH_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    server = await startEmbeddedPostgres({ dir: path.resolve(process.cwd(), ".data/pg-bench-purchasing"), port: await freePort(), quiet: true });
    adminUrl = server.superuserUrl();
  }
  try {
    await ensureRolesAndDatabase(adminUrl, "postgres");
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${DB}" with (force)`);
    await admin.unsafe(`create database "${DB}" owner ${DEV_ROLES.owner.name}`);
    await admin.end();
    const ownerUrl = roleUrl(adminUrl, DEV_ROLES.owner, DB);
    process.env.DATABASE_URL = roleUrl(adminUrl, DEV_ROLES.app, DB);
    process.env.DATABASE_OWNER_URL = ownerUrl;
    await runMigrations(ownerUrl, DEV_ROLES.app.name);

    const { withTenant } = await import("../src/server/db/with-tenant");
    const { createTenant } = await import("../src/server/tenancy/create-tenant");
    const { createSupplier } = await import("../src/server/purchasing/save-supplier");
    const { previewPriceList, applyPriceList } = await import("../src/server/purchasing/price-list");
    const { parsePriceList } = await import("../src/server/purchasing/parse-price-list");
    const { runReplenishment } = await import("../src/server/purchasing/compute-replenishment");
    const { closeDb } = await import("../src/server/db/client");

    const tenants: { id: string; warehouseId: string; supplierId: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      const userId = randomUUID();
      const { warehouseId } = await withTenant(
        id,
        (tx) =>
          createTenant(
            tx,
            { tenantId: id, businessName: `Bench compras ${i}`, kind: "HOTEL", slug: `bench-p${i}-${id.slice(0, 6)}` },
            { kind: "new", userId, name: "Bench", email: `bench-${id}@bench.test`, password: "bench-password" },
          ),
        { userId },
      );
      const { id: supplierId } = await withTenant(id, (tx) => createSupplier(tx, { name: "Proveedor bench", cuit: "30712345671" }, { userId: null }));
      tenants.push({ id, warehouseId, supplierId });
    }
    const big = tenants[0]!;
    // Catalog: PRODUCTS products with barcodes in every tenant (set-based, as owner), half of the CSV matches.
    const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    for (const t of tenants) {
      await owner.begin(async (tx) => {
        await tx`select set_config('app.current_tenant', ${t.id}, true)`;
        await tx.unsafe(
          `insert into products (tenant_id, sku, name, sale_price, stock_min, stock_ideal)
           select $1::uuid, 'P' || g, 'Producto ' || g, 100 + g % 500, case when g % 10 = 0 then 10 else 0 end, 30 from generate_series(1, $2::int) g`,
          [t.id, PRODUCTS],
        );
        await tx.unsafe(
          `insert into product_barcodes (tenant_id, product_id, barcode) select tenant_id, id, substr(sku, 2) from products where tenant_id = $1::uuid`,
          [t.id],
        );
      });
    }
    // Real EAN-13 barcodes for the first ROWS/2 products.
    const half = Math.floor(ROWS / 2);
    const codes = Array.from({ length: half }, (_, i) => ean(i + 1));
    await owner.begin(async (tx) => {
      await tx`select set_config('app.current_tenant', ${big.id}, true)`;
      await tx.unsafe(
        `update product_barcodes b set barcode = c.code from unnest($1::text[]) with ordinality as c(code, n)
         join products p on p.tenant_id = $2::uuid and p.sku = 'P' || c.n where b.tenant_id = $2::uuid and b.product_id = p.id`,
        [codes, big.id],
      );
    });
    await owner.end();

    const lines = ["codigo_barras;nombre;precio;unidades_por_bulto;precio_venta"];
    for (let i = 0; i < ROWS; i++) lines.push(`${ean(i + 1)};"Producto ${i + 1}";${(90 + (i % 70)).toFixed(2).replace(".", ",")};${1 + (i % 12)};${150 + i}`);
    const csv = lines.join("\n");
    const input = { supplierId: big.supplierId, csv };

    // Baseline: the same preview with one query per barcode.
    const rowByRow = async () =>
      withTenant(big.id, async (tx) => {
        const parsed = parsePriceList(csv);
        let found = 0;
        for (const r of parsed.rows) {
          const rows = await tx.execute<{ id: string }>(sql`
            select p.id, p.sale_price, (select unit_cost from lots l where l.product_id = p.id order by received_at desc limit 1) as cost
            from product_barcodes b join products p on p.tenant_id = b.tenant_id and p.id = b.product_id where b.barcode = ${r.barcode}`);
          if (rows.length) found++;
        }
        return found;
      });

    const setTimes: number[] = [];
    const rowTimes: number[] = [];
    let matched = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      const p = await withTenant(big.id, (tx) => previewPriceList(tx, input));
      setTimes.push(performance.now() - t);
      matched = p.updatedProducts;
      t = performance.now();
      const n = await rowByRow();
      rowTimes.push(performance.now() - t);
      if (n !== matched) throw new Error(`baseline found ${n}, preview ${matched}`);
    }
    // The database backend's CPU time for the apply beside its wall time: on a shared, loaded
    // machine the wall time mostly measures the scheduler (embedded server only: /proc).
    const withCpu = <T>(fn: (tx: Parameters<Parameters<typeof withTenant>[1]>[0]) => Promise<T>) =>
      withTenant(big.id, async (tx) => {
        const [b] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        const cpu = () => {
          if (!server) return NaN;
          const f = readFileSync(`/proc/${b!.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
          return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, clock ticks of 10 ms
        };
        const c0 = cpu();
        const value = await fn(tx);
        return { value, cpuMs: cpu() - c0 };
      });
    let t = performance.now();
    const { value: applied, cpuMs: applyCpuMs } = await withCpu((tx) => applyPriceList(tx, input, { userId: null }));
    const applyMs = performance.now() - t;

    // Same size, new prices, every 20th row with an ambiguous price ("90.5"): apply the valid ones.
    const partialLines = ["codigo_barras;nombre;precio;unidades_por_bulto;precio_venta"];
    for (let i = 0; i < ROWS; i++) partialLines.push(`${ean(i + 1)};"Producto ${i + 1}";${i % 20 === 0 ? "90.5" : `${95 + (i % 70)},25`};${1 + (i % 12)};${160 + i}`);
    t = performance.now();
    const { value: partial, cpuMs: partialCpuMs } = await withCpu((tx) =>
      applyPriceList(tx, { supplierId: big.supplierId, csv: partialLines.join("\n"), applyValidOnly: true }, { userId: null }),
    );
    const partialMs = performance.now() - t;

    let repLine = "";
    if (!PRICE_LIST_ONLY) {
      t = performance.now();
      const rep = await withTenant(big.id, (tx) => runReplenishment(tx, { today: "2030-01-01", mode: "manual" }));
      repLine = `replenishment over ${(PRODUCTS + applied.created).toLocaleString("en")} products: ${(performance.now() - t).toFixed(0)} ms, ${rep.suggestions} suggestions`;
    }

    console.log(`price-list preview, ${ROWS.toLocaleString("en")} rows (${matched} existing) in a ${PRODUCTS.toLocaleString("en")}-product tenant among 2 neighbours:`);
    console.log(`  set-based preview (median of ${ROUNDS}): ${median(setTimes).toFixed(0)} ms`);
    console.log(`  baseline row-by-row lookups (median):   ${median(rowTimes).toFixed(0)} ms`);
    console.log(`  ratio baseline / set-based: ${(median(rowTimes) / median(setTimes)).toFixed(1)}×`);
    console.log(
      `apply (parse + one set-based statement): ${applyMs.toFixed(0)} ms, database CPU ${applyCpuMs.toFixed(0)} ms (${applied.created} created, ${applied.updated} updated) · target ≤ ${TARGET_MS} ms: ${applyMs <= TARGET_MS ? "met" : "MISSED"}`,
    );
    console.log(
      `apply valid rows only (parse + preview + apply, ${partial.rejectedRows} rejected): ${partialMs.toFixed(0)} ms, database CPU ${partialCpuMs.toFixed(0)} ms (${partial.updated} updated) · target ≤ ${TARGET_MS} ms: ${partialMs <= TARGET_MS ? "met" : "MISSED"}`,
    );
    if (repLine) console.log(repLine);
    console.log(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} (${os.cpus().length} cores)`);
    await closeDb();
  } finally {
    await server?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
