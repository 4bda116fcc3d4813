// npm run bench:terminal — the one POS terminal in real Chromium against the real app, with a
// 20,000-product catalog, driven by the keyboard (Playwright key presses):
//  - scan-to-line: from the Enter of a scanned code to the cart line in the DOM;
//  - charge-to-ticket: from the Enter that confirms the payment to the ticket in the DOM;
// both online (the sale is sent at once and the till waits for the server's verdict) and
// offline (durable IndexedDB queue only). Timed inside the page (keydown listener in the
// capture phase → MutationObserver), so Playwright's own latency is not counted.
// Baselines in the same run and page: an in-memory Map lookup over the same 20k codes and a
// bare IndexedDB put (strict durability) of a sale-sized record.
// Needs a production build (`npm run build`; run here when missing). Fresh embedded PostgreSQL
// in .data/pg-bench-terminal, system Chromium.
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { chromium, type Page } from "@playwright/test";

process.env.LOG_LEVEL ??= "warn";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
// Production refuses to start without its secrets: fresh random ones; Inngest events go to a
// closed local port (fiscal documents stay PENDING), as in scripts/e2e-server.ts.
process.env.FISCAL_KEY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.INNGEST_SIGNING_KEY ??= `signkey-test-${randomBytes(32).toString("hex")}`;
process.env.INNGEST_EVENT_KEY ??= randomBytes(16).toString("hex");
process.env.INNGEST_BASE_URL ??= "http://127.0.0.1:9";
const CATALOG = Number(process.env.BENCH_CATALOG ?? 20000);
const SCANS = Number(process.env.BENCH_SCANS ?? 200);
const PER_TICKET = 5;
const root = process.cwd();

if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(path.join(root, "public", "sw.js"))) {
  console.log("bench:terminal: no production build found, running `npm run build`…");
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { freePort } = await import("../src/server/db/embedded");
const { resolveDatabase, migrateTarget } = await import("../src/server/db/bootstrap");
const dataDir = path.resolve(root, ".data/pg-bench-terminal");
delete process.env.DATABASE_URL;
rmSync(dataDir, { recursive: true, force: true });
const target = await resolveDatabase({ dataDir, port: await freePort() });
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
await migrateTarget(target);

const { sql } = await import("drizzle-orm");
const { seedAll } = await import("../src/server/seed/all");
const { withTenant } = await import("../src/server/db/with-tenant");
const { closeDb } = await import("../src/server/db/client");
const { tenantId } = await seedAll();
// The catalog is bulk-inserted with stock, so online sales are accepted (seeding is not measured).
await withTenant(tenantId, async (tx) => {
  await tx.execute(sql`
    insert into products (tenant_id, sku, name, sale_price, unit, is_service)
    select ${tenantId}, 'CAT-' || g, 'Artículo de catálogo ' || g, (100 + g % 900)::numeric, 'u', true from generate_series(1, ${CATALOG}) g`);
  await tx.execute(sql`
    insert into product_barcodes (tenant_id, product_id, barcode)
    select p.tenant_id, p.id, '779' || lpad(substr(p.sku, 5), 10, '0') from products p where p.sku like 'CAT-%'`);
});
const code = (k: number) => `779${String(k).padStart(10, "0")}`;

const port = String(await freePort());
const baseURL = `http://localhost:${port}`;
const app = spawn("npx", ["next", "start", "-p", port], {
  env: { ...process.env, NODE_ENV: "production", NEXTAUTH_URL: baseURL },
  stdio: ["ignore", "ignore", "inherit"],
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

/** Installs the in-page timers: Enter keydown (capture) → next DOM mutation of the watched element. */
async function installProbe(page: Page) {
  // tsx keeps function names with an `__name` helper that does not exist inside the page.
  await page.evaluate("globalThis.__name = (f) => f");
  await page.evaluate(() => {
    const w = window as unknown as { __probe: { t0: number | null; samples: Record<string, number[]>; kind: string; watch: () => void } };
    const probe = { t0: null as number | null, samples: {} as Record<string, number[]>, kind: "scan", watch: () => {} };
    w.__probe = probe;
    window.addEventListener("keydown", (e) => {
      if (e.key === "Enter") probe.t0 = performance.now();
    }, true);
    const observer = new MutationObserver(() => {
      if (probe.t0 === null) return;
      const target = probe.kind === "scan" ? document.querySelector('[aria-label="Productos de la venta"] tbody') : document.querySelector('[data-testid="ticket"]');
      if (!target) return;
      const key = probe.kind === "scan" ? `${target.childElementCount}:${target.textContent?.length}` : (target.textContent ?? "");
      if (key === (target as HTMLElement).dataset.benchSeen) return;
      (target as HTMLElement).dataset.benchSeen = key;
      (probe.samples[probe.kind] ??= []).push(performance.now() - probe.t0);
      probe.t0 = null;
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function run(page: Page, label: string, start: number) {
  await page.evaluate((l) => {
    const p = (window as unknown as { __probe: { samples: Record<string, number[]> } }).__probe;
    p.samples = {};
    void l;
  }, label);
  for (let i = 0; i < SCANS; i++) {
    await page.evaluate(() => ((window as unknown as { __probe: { kind: string } }).__probe.kind = "scan"));
    await page.keyboard.type(code(start + i * 37));
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => ((window as unknown as { __probe: { samples: Record<string, number[]> } }).__probe.samples.scan?.length ?? 0) >= n, i + 1);
    if ((i + 1) % PER_TICKET === 0) {
      await page.keyboard.press("F9");
      await page.getByRole("dialog", { name: "Cobrar" }).getByLabel("Importe Efectivo").waitFor();
      await page.evaluate(() => ((window as unknown as { __probe: { kind: string } }).__probe.kind = "charge"));
      await page.keyboard.press("Enter");
      await page.waitForFunction((n) => ((window as unknown as { __probe: { samples: Record<string, number[]> } }).__probe.samples.charge?.length ?? 0) >= n, (i + 1) / PER_TICKET);
      await page.getByText("Escaneá un producto para empezar la venta.").waitFor();
    }
  }
  return page.evaluate(() => (window as unknown as { __probe: { samples: Record<string, number[]> } }).__probe.samples);
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
try {
  const context = await browser.newContext({ baseURL, locale: "es-AR", serviceWorkers: "block" });
  await context.addInitScript({ content: "globalThis.__name = (f) => f;" });
  const page = await context.newPage();
  await page.goto("/ingresar?callbackUrl=/demo/pos");
  await page.getByLabel("E-mail").fill("cajero@demo.test");
  await page.getByLabel("Contraseña").fill("demo1234");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await page.waitForURL(/\/demo\/pos$/);
  await page.waitForFunction((n) => Number(/Catálogo: (\d+) productos/.exec(document.body.innerText)?.[1] ?? 0) >= n, CATALOG, { timeout: 180_000 });
  const chooser = page.getByLabel("Caja", { exact: true });
  await chooser.selectOption((await chooser.locator("option", { hasText: /^Caja Offline( |$)/ }).getAttribute("value"))!);
  await page.getByLabel(/Fondo inicial/).waitFor();
  await page.keyboard.type("0");
  await page.keyboard.press("Enter");
  await page.getByTestId("pos-scan").waitFor();
  await page.getByText("Por enviar: 0").waitFor({ timeout: 30_000 });
  await installProbe(page);
  // Warm-up (first render paths, the in-memory index of the catalog).
  await run(page, "warm-up", 19_000).catch(() => undefined);
  const online = await run(page, "online", 1);
  await context.setOffline(true);
  await page.getByTestId("pos-online").getByText("Sin conexión").waitFor();
  const offline = await run(page, "offline", 7);

  const baseline = await page.evaluate(async (n) => {
    const map = new Map<string, unknown>();
    for (let k = 1; k <= n; k++) map.set(`779${String(k).padStart(10, "0")}`, { id: k });
    const mapTimes: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = performance.now();
      map.get(`779${String(1 + ((i * 7919) % n)).padStart(10, "0")}`);
      mapTimes.push(performance.now() - s);
    }
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open("bench-bare-put", 1);
      r.onupgradeneeded = () => r.result.createObjectStore("s", { autoIncrement: true });
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const putTimes: number[] = [];
    const record = { sale: { id: crypto.randomUUID(), lines: Array.from({ length: 5 }, (_, i) => ({ productId: crypto.randomUUID(), quantity: "1", unitPrice: String(100 + i) })) }, display: { total: "600.00" } };
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await new Promise<void>((res, rej) => {
        const tx = db.transaction("s", "readwrite", { durability: "strict" });
        tx.objectStore("s").put({ ...record, n: i });
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      putTimes.push(performance.now() - s);
    }
    db.close();
    return { mapTimes, putTimes };
  }, CATALOG);

  const f = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`;
  const mapP95 = pct(baseline.mapTimes, 0.95);
  const putP95 = pct(baseline.putTimes, 0.95);
  console.log(`\nbench:terminal — one terminal, real Chromium + \`next start\` + embedded PostgreSQL, ${CATALOG} products, ${SCANS} scans and ${SCANS / PER_TICKET} tickets per mode\n`);
  for (const [mode, s] of [["online", online], ["offline", offline]] as const) {
    const scanP95 = pct(s.scan!, 0.95);
    const chargeP95 = pct(s.charge!, 0.95);
    console.log(`${mode.padEnd(7)} scan-to-line p50 ${f(pct(s.scan!, 0.5))}, p95 ${f(scanP95)}  target ≤ 16 ms: ${scanP95 <= 16 ? "OK" : "MISSED"}   (vs Map lookup p95 ${f(mapP95)})`);
    console.log(`${mode.padEnd(7)} charge-to-ticket p50 ${f(pct(s.charge!, 0.5))}, p95 ${f(chargeP95)}  target ≤ 50 ms: ${chargeP95 <= 50 ? "OK" : "MISSED"}   (vs bare IndexedDB put p95 ${f(putP95)}, ratio ${(chargeP95 / putP95).toFixed(1)}×)`);
  }
  console.log(`baseline: in-memory Map lookup p95 ${f(mapP95)}; bare IndexedDB put (strict) p50 ${f(pct(baseline.putTimes, 0.5))}, p95 ${f(putP95)}`);
  console.log(`load average: ${loadavg().map((x) => x.toFixed(2)).join(" ")} (${cpus().length} CPUs)`);
  await context.close();
} finally {
  await browser.close();
  await stopAll();
}
process.exit(0);
