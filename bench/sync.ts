// npm run bench:sync — the offline terminal in a real browser against the real app.
//
// 1. Sync: 1,000 sales queued in the terminal's IndexedDB while offline (through the app's
//    own queue code, injected into the page), then back online: time until the server has
//    accepted them all (the page's own sync engine, HTTP batches of 100, applied 50 sales per
//    transaction with a savepoint each; each sale is one unit of one of 20 products, round robin). Baseline, same run and
//    database: the same 1,000 sales through createSale called directly in a server-side loop
//    (no browser, no HTTP, no queue).
// 2. Lookup: a 20,000-product catalog downloaded by the terminal's delta sync; p95 of local
//    barcode lookups (lookupBarcode: in-memory index over the IndexedDB catalog; the bare
//    IndexedDB index is printed too). Baseline: a plain in-memory Map.
//
// Needs a production build (`npm run build`; run here automatically when missing). Uses a
// fresh embedded PostgreSQL in .data/pg-bench-sync and system Chromium.
import { randomBytes, randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { build } from "esbuild";
import { chromium } from "@playwright/test";

process.env.LOG_LEVEL ??= "warn";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
// Production refuses to start without its secrets: fresh random ones; Inngest events go to a
// closed local port (fiscal documents stay PENDING), as in scripts/e2e-server.ts.
process.env.FISCAL_KEY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.INNGEST_SIGNING_KEY ??= `signkey-test-${randomBytes(32).toString("hex")}`;
process.env.INNGEST_EVENT_KEY ??= randomBytes(16).toString("hex");
process.env.INNGEST_BASE_URL ??= "http://127.0.0.1:9";
const SALES = Number(process.env.BENCH_SALES ?? 1000);
const CATALOG = Number(process.env.BENCH_CATALOG ?? 20000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 2000);
const root = process.cwd();

if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(path.join(root, "public", "sw.js"))) {
  console.log("bench:sync: no production build found, running `npm run build`…");
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { freePort } = await import("../src/server/db/embedded");
const { resolveDatabase, migrateTarget } = await import("../src/server/db/bootstrap");
const dataDir = path.resolve(root, ".data/pg-bench-sync");
delete process.env.DATABASE_URL;
rmSync(dataDir, { recursive: true, force: true });
const target = await resolveDatabase({ dataDir, port: await freePort() });
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
await migrateTarget(target);

const { sql } = await import("drizzle-orm");
const { seedAll } = await import("../src/server/seed/all");
const { withTenant } = await import("../src/server/db/with-tenant");
const { createProduct } = await import("../src/server/catalog/create-product");
const { receiveStock } = await import("../src/server/inventory/receive-stock");
const { openCashSession } = await import("../src/server/cash/open-cash-session");
const { createSale } = await import("../src/server/pos/create-sale");
const { closeDb } = await import("../src/server/db/client");

// ---- seed: the demo business, one well-stocked product to sell, a 20k catalog.
const { tenantId } = await seedAll();
const ids = await withTenant(tenantId, async (tx) => {
  const [r] = await tx.execute<{ cashier: string; owner: string; register: string; warehouse: string }>(sql`
    select (select m.user_id from memberships m join users u on u.id = m.user_id where u.email = 'cajero@demo.test') as cashier,
           (select user_id from memberships where role = 'OWNER' limit 1) as owner,
           (select id from registers where name = 'Caja Offline') as register,
           (select id from warehouses where is_default) as warehouse`);
  return r!;
});
// 20 well-stocked products: each sale sells one of them, round robin (a shop's mix, not one hot row).
const productIds = await withTenant(
  tenantId,
  async (tx) => {
    const out: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const { id } = await createProduct(tx, { sku: `BENCH-${i}`, name: `Producto de carga ${i}`, salePrice: "100", barcodes: [`BENCH${String(i).padStart(7, "0")}`] }, { userId: ids.owner });
      await receiveStock(tx, { productId: id, warehouseId: ids.warehouse, quantity: "100000", unitCost: "50" }, { userId: ids.owner });
      out.push(id);
    }
    return out;
  },
  { userId: ids.owner },
);
const session = await withTenant(tenantId, (tx) => openCashSession(tx, { registerId: ids.register, openingFloat: "0.00" }, { userId: ids.cashier }), {
  userId: ids.cashier,
});
// The 20k catalog is bulk-inserted (seeding speed is not what is measured here).
await withTenant(tenantId, async (tx) => {
  await tx.execute(sql`
    insert into products (tenant_id, sku, name, sale_price, unit)
    select ${tenantId}, 'CAT-' || g, 'Artículo de catálogo ' || g, (100 + g % 900)::numeric, 'u' from generate_series(1, ${CATALOG}) g`);
  await tx.execute(sql`
    insert into product_barcodes (tenant_id, product_id, barcode)
    select p.tenant_id, p.id, '779' || lpad(substr(p.sku, 5), 10, '0') from products p where p.sku like 'CAT-%'`);
});

// ---- the app
const port = String(await freePort());
const baseURL = `http://localhost:${port}`;
const app = spawn("npx", ["next", "start", "-p", port], {
  env: { ...process.env, NODE_ENV: "production", NEXTAUTH_URL: baseURL },
  stdio: ["ignore", process.env.BENCH_APP_LOG ? "inherit" : "ignore", "inherit"],
  detached: true,
});
const stopAll = async () => {
  try {
    if (app.pid) process.kill(-app.pid, "SIGTERM");
  } catch {
    // already gone
  }
  await closeDb();
  await target.server?.stop();
};
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${baseURL}/api/health`)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 480) throw new Error("the app did not start");
  await new Promise((r) => setTimeout(r, 500));
}

const lib = await build({ entryPoints: [path.join(root, "bench/sync-browser-lib.ts")], bundle: true, format: "iife", write: false, target: "chrome110" });
// The page's CSP forbids eval: the injected copy of zod must not try its JIT (new Function).
// Set before the bundle runs, since zod reads it when the schemas are built.
const libCode = `(globalThis.__zod_globalConfig ??= {}).jitless = true;\n${lib.outputFiles[0]!.text}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const context = await browser.newContext({ baseURL, locale: "es-AR" });
  const page = await context.newPage();
  await page.goto("/ingresar?callbackUrl=/demo/pos");
  await page.getByLabel("E-mail").fill("cajero@demo.test");
  await page.getByLabel("Contraseña").fill("demo1234");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await page.waitForURL(/\/demo\/pos$/);
  const t0 = performance.now();
  await page.waitForFunction((n) => /Catálogo: (\d+) productos/.exec(document.body.innerText)?.[1] && Number(/Catálogo: (\d+) productos/.exec(document.body.innerText)![1]) >= n, CATALOG, { timeout: 120_000 });
  const catalogMs = performance.now() - t0;
  if (process.env.BENCH_DEBUG) {
    const pages = await page.evaluate(async () => {
      const out: number[] = [];
      let cursor = "";
      for (;;) {
        const s = performance.now();
        const r = await (await fetch(`/api/pos/demo/catalog${cursor ? `?cursor=${cursor}` : ""}`)).json();
        out.push(Math.round(performance.now() - s));
        if (!r.hasMore) break;
        cursor = encodeURIComponent(r.cursor);
      }
      return out;
    });
    console.log("catalog pages fetch ms:", pages.join(", "));
  }
  const chooser = page.getByLabel("Caja", { exact: true });
  await chooser.selectOption((await chooser.locator("option", { hasText: /^Caja Offline( |$)/ }).getAttribute("value"))!);
  await page.addScriptTag({ content: libCode });
  if (process.env.BENCH_DEBUG) {
    const parts = await page.evaluate(async () => {
      const b = (globalThis as any).__posBench;
      const db = await b.openPosDb("x", "bench-catalog-probe");
      const out: string[] = [];
      let cursor = "";
      for (;;) {
        const s = performance.now();
        const r = await (await fetch(`/api/pos/demo/catalog${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`)).json();
        const f = performance.now();
        await b.applyCatalogDelta(db, r);
        out.push(`${Math.round(f - s)}+${Math.round(performance.now() - f)}`);
        if (!r.hasMore) break;
        cursor = r.cursor;
      }
      db.close();
      return out;
    });
    console.log("catalog pages fetch+apply ms:", parts.join(", "));
  }

  // ---- 1. lookup (first, while the page is idle)
  const lookup = await page.evaluate(
    async ({ n, catalog }) => {
      const b = (globalThis as any).__posBench;
      const db = await b.openPosDb("demo");
      const codes: string[] = [];
      for (let i = 0; i < n; i++) {
        const k = 1 + Math.floor(Math.random() * catalog);
        codes.push(i % 20 === 0 ? `000${k}` : `779${String(k).padStart(10, "0")}`); // 5 % misses
      }
      for (const c of codes.slice(0, 200)) await b.lookupBarcode(db, c); // warm-up
      const times: number[] = [];
      let hits = 0;
      const l0 = performance.now();
      for (const c of codes) {
        const s = performance.now();
        if (await b.lookupBarcode(db, c)) hits++;
        times.push(performance.now() - s);
      }
      const idbTotal = performance.now() - l0;
      const rawTimes: number[] = [];
      for (const c of codes) {
        const s = performance.now();
        await db.getAllFromIndex("products", "code", c);
        rawTimes.push(performance.now() - s);
      }
      rawTimes.sort((x, y) => x - y);
      const all = await db.getAll("products");
      const map = new Map<string, unknown>();
      for (const p of all) for (const bc of p.barcodes) map.set(bc, p);
      const mapTimes: number[] = [];
      let mapHits = 0;
      const m0 = performance.now();
      for (let round = 0; round < 100; round++)
        for (const c of codes) {
          if (map.get(c)) mapHits++;
        }
      const mapTotal = (performance.now() - m0) / 100;
      for (const c of codes.slice(0, 200)) {
        const s = performance.now();
        map.get(c);
        mapTimes.push(performance.now() - s);
      }
      db.close();
      times.sort((x, y) => x - y);
      mapTimes.sort((x, y) => x - y);
      return {
        products: all.length,
        hits,
        mapHits: mapHits / 100,
        p50: times[Math.floor(times.length * 0.5)]!,
        p95: times[Math.floor(times.length * 0.95)]!,
        p99: times[Math.floor(times.length * 0.99)]!,
        idbMean: idbTotal / codes.length,
        mapMean: mapTotal / codes.length,
        mapP95: mapTimes[Math.floor(mapTimes.length * 0.95)]!,
        rawP50: rawTimes[Math.floor(rawTimes.length * 0.5)]!,
        rawP95: rawTimes[Math.floor(rawTimes.length * 0.95)]!,
      };
    },
    { n: LOOKUPS, catalog: CATALOG },
  );

  // ---- 2. sync
  await context.setOffline(true);
  const enqueue = await page.evaluate(
    async ({ n, registerId, cashSessionId, productIds }) => {
      const b = (globalThis as any).__posBench;
      const db = await b.openPosDb("demo");
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const built = b.buildSale({
          id: crypto.randomUUID(),
          registerId,
          cashSessionId,
          method: "CASH",
          lines: [{ productId: productIds[i % productIds.length], name: "Producto de carga", quantity: "1", unitPrice: "100.00" }],
        });
        const s = performance.now();
        await b.enqueueSale(db, built.sale, built.display);
        times.push(performance.now() - s);
      }
      times.sort((x, y) => x - y);
      const size = await b.queueSize(db);
      db.close();
      return { size, p95: times[Math.floor(times.length * 0.95)]!, total: times.reduce((x, y) => x + y, 0) };
    },
    { n: SALES, registerId: ids.register, cashSessionId: session.id, productIds },
  );
  if (enqueue.size !== SALES) throw new Error(`queued ${enqueue.size}, expected ${SALES}`);

  await context.setOffline(false);
  const s0 = performance.now();
  // The 'online' event starts the page's engine; the button is a fallback if it has not.
  await page.getByRole("button", { name: "Sincronizar ahora" }).click({ timeout: 1000 }).catch(() => {});
  for (;;) {
    const left = await page.evaluate(async () => {
      const b = (globalThis as any).__posBench;
      const db = await b.openPosDb("demo");
      const n = await b.queueSize(db);
      db.close();
      return n as number;
    });
    if (left === 0) break;
    if (performance.now() - s0 > 300_000) throw new Error(`sync did not finish: ${left} left`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const syncMs = performance.now() - s0;
  const [accepted] = await withTenant(tenantId, (tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from sales where cash_session_id = ${session.id} and mode = 'OFFLINE'`),
  );
  if (accepted!.n !== SALES) {
    const refused = await page.evaluate(async () => {
      const b = (globalThis as any).__posBench;
      const db = await b.openPosDb("demo");
      const r = await db.getAll("refused");
      const synced = await db.getAll("synced");
      const q = await db.getAll("queue");
      db.close();
      const st: Record<string, number> = {};
      for (const x of synced) st[x.status] = (st[x.status] ?? 0) + 1;
      return r.slice(0, 3).map((x: { code: string; reason: string }) => `${x.code}: ${x.reason}`).concat(`(${r.length} refused, queue ${q.length}, synced ${JSON.stringify(st)})`);
    });
    const all = await withTenant(tenantId, (tx) => tx.execute(sql`select mode, cash_session_id, count(*)::int from sales group by 1, 2`));
    throw new Error(`server has ${accepted!.n} sales, expected ${SALES}; ${refused.join(" | ")} ${JSON.stringify(all)}`);
  }

  // Baseline: the same sales straight through createSale, one transaction each, no browser/HTTP/queue.
  const d0 = performance.now();
  for (let i = 0; i < SALES; i++) {
    await withTenant(
      tenantId,
      (tx) =>
        createSale(
          tx,
          {
            id: randomUUID(),
            registerId: ids.register,
            cashSessionId: session.id,
            createdAt: new Date().toISOString(),
            lines: [{ productId: productIds[i % productIds.length]!, quantity: "1.000", unitPrice: "100.0000" }],
            payments: [{ method: "CASH", amount: "100.00" }],
          },
          { userId: ids.cashier },
          { mode: "offline" },
        ),
      { userId: ids.cashier },
    );
  }
  const directMs = performance.now() - d0;

  const f = (ms: number) => `${ms.toFixed(ms < 10 ? 3 : 0)} ms`;
  console.log("\nbench:sync — offline terminal, real Chromium + `next start` + embedded PostgreSQL\n");
  console.log(`catalog download (delta sync, ${lookup.products} products into IndexedDB): ${f(catalogMs)}`);
  console.log(`enqueue (durable IndexedDB write per sale): p95 ${f(enqueue.p95)}, ${SALES} sales in ${f(enqueue.total)}`);
  console.log(`sync ${SALES} queued sales until all accepted: ${f(syncMs)}  (${(SALES / (syncMs / 1000)).toFixed(0)} sales/s)  target ≤ 5000 ms: ${syncMs <= 5_000 ? "OK" : "MISSED"}`);
  console.log(`  baseline: ${SALES} × createSale in a direct server-side loop: ${f(directMs)}`);
  console.log(`  ratio sync / direct loop: ${(syncMs / directMs).toFixed(2)}×`);
  console.log(`  load average: ${loadavg().map((x) => x.toFixed(2)).join(" ")} (${cpus().length} CPUs)`);
  console.log(`barcode lookup over ${lookup.products} products, ${LOOKUPS} lookups (${lookup.hits} hits): p50 ${f(lookup.p50)}, p95 ${f(lookup.p95)}, p99 ${f(lookup.p99)}  target p95 < 5 ms: ${lookup.p95 < 5 ? "OK" : "MISSED"}`);
  console.log(`  (IndexedDB index alone, no in-memory index: p50 ${f(lookup.rawP50)}, p95 ${f(lookup.rawP95)})`);
  console.log(`  baseline: in-memory Map: mean ${(lookup.mapMean * 1000).toFixed(3)} µs/lookup (p95 ${f(lookup.mapP95)}, timer-resolution bound)`);
  console.log(`  ratio lookupBarcode / Map (mean per lookup): ${(lookup.idbMean / lookup.mapMean).toFixed(0)}×  (lookupBarcode mean ${f(lookup.idbMean)})`);
  await context.close();
} finally {
  await browser.close();
  await stopAll();
}
process.exit(0);
