import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { login } from "./fixtures";
import { salesByIds, snapshot, takeableAtRegister, withTenantDb } from "./offline-db";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

// The installable terminal (/<slug>/pos) on its own register ("Caja Offline"), with the network cut.
const COLA = "7790895000997"; // Gaseosa cola lata 354 ml, $1.900
const CACAO = "7790580123406"; // Cacao amargo 400 g, $4.200, low stock

test.describe.configure({ mode: "serial" });

async function ensureSession(page: Page): Promise<{ registerId: string; cashSessionId: string }> {
  const ctx = await (await page.request.get(`/api/pos/${biz.slug}/context`)).json();
  const reg = ctx.registers.find((r: { name: string }) => r.name === "Caja Offline");
  expect(reg, "the offline seeder creates 'Caja Offline'").toBeTruthy();
  if (reg.cashSessionId) return { registerId: reg.id, cashSessionId: reg.cashSessionId };
  const res = await page.request.post("/api/trpc/pos.openSession", {
    headers: { "content-type": "application/json", "x-tenant-slug": biz.slug },
    data: { json: { registerId: reg.id, openingFloat: "1000.00" } },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const again = await (await page.request.get(`/api/pos/${biz.slug}/context`)).json();
  const opened = again.registers.find((r: { id: string }) => r.id === reg.id);
  return { registerId: reg.id, cashSessionId: opened.cashSessionId };
}

async function openTerminal(page: Page) {
  await page.goto(`/${biz.slug}/pos`);
  // The business has several registers: pick the terminal's own (remembered per browser).
  const chooser = page.getByLabel("Caja", { exact: true });
  const option = chooser.locator("option", { hasText: /^Caja Offline( |$)/ });
  await expect(option).toHaveCount(1);
  await chooser.selectOption((await option.getAttribute("value"))!);
  await expect(page.getByText(/Catálogo: [1-9][\d.]* productos/)).toBeVisible();
  await expect(page.getByTestId("pos-scan")).toBeFocused(); // a session exists: selling screen
}

/** Scans with the keyboard, F9, Enter (exact cash). */
async function ring(page: Page, code: string, times = 1) {
  await page.getByTestId("pos-scan").focus();
  for (let i = 0; i < times; i++) {
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
  }
  await expect(page.getByTestId("pos-total")).not.toHaveText(/^\$\s?0,00$/);
  await page.keyboard.press("F9");
  await expect(page.getByRole("dialog", { name: "Cobrar" }).getByLabel("Importe Efectivo")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Escaneá un producto para empezar la venta.")).toBeVisible();
}

async function queuedIds(page: Page): Promise<string[]> {
  return page.evaluate(
    (slug) =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open(`mostrador-pos:${slug}`);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction("queue").objectStore("queue").getAll();
          all.onsuccess = () => {
            resolve((all.result as { sale: { id: string } }[]).map((q) => q.sale.id));
            db.close();
          };
        };
      }),
    biz.slug,
  );
}

test("offline: reload served by the service worker, 20 sales by barcode survive a browser restart and sync exactly once", async () => {
  test.setTimeout(360_000);
  const use = test.info().project.use;
  const userDataDir = mkdtempSync(path.join(tmpdir(), "mostrador-pos-"));
  const launch = (offline: boolean) =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath: use.launchOptions?.executablePath,
      args: use.launchOptions?.args,
      baseURL: use.baseURL,
      locale: "es-AR",
      timezoneId: "America/Argentina/Buenos_Aires",
      serviceWorkers: "allow",
      offline,
    });
  let context: BrowserContext = await launch(false);
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await login(page, biz.users.cashier, biz.password, `/${biz.slug}/pos`);
    const { cashSessionId } = await ensureSession(page);
    await openTerminal(page);
    // The worker controls the page and holds this page's HTML for offline reloads. On a loaded
    // machine the first install can finish after clients.claim() had nothing to claim; a user's
    // next navigation is then controlled, so reload once if the page is not yet.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
      await openTerminal(page); // navigates again
    }
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const reg = await navigator.serviceWorker.getRegistration();
            const cached = await caches.open("pos-pages").then((c) => c.match(location.href));
            return JSON.stringify({ active: !!reg?.active, controlled: !!navigator.serviceWorker.controller, cached: !!cached });
          }),
        { timeout: 30_000 },
      )
      .toBe(JSON.stringify({ active: true, controlled: true, cached: true }));
    const before = await snapshot(biz.slug, cashSessionId, [COLA]);

    await context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect(page.getByTestId("pos-online")).toHaveText("Sin conexión");
    await expect(page.getByText(/Catálogo: [1-9]\d* productos/)).toBeVisible();

    for (let i = 0; i < 20; i++) await ring(page, COLA);
    await expect(page.getByTestId("pos-queued")).toHaveText("20");
    const ids = await queuedIds(page);
    expect(new Set(ids).size).toBe(20);
    expect((await snapshot(biz.slug, cashSessionId, [COLA])).sales).toBe(before.sales); // nothing reached the server

    // Restart the browser with the same profile, still offline. Nothing may be lost: every sale
    // is either still queued on disk, or was already delivered by the service worker's
    // Background Sync (Chromium may fire it as soon as the browser starts).
    await context.close();
    context = await launch(true);
    page = context.pages()[0] ?? (await context.newPage());
    const again = await page.goto(`/${biz.slug}/pos`);
    expect(again?.fromServiceWorker()).toBe(true);
    await expect(page.getByText(/Catálogo: [1-9]\d* productos/)).toBeVisible();
    const stillQueued = await queuedIds(page);
    const delivered = (await salesByIds(biz.slug, ids)).map((r) => r.id);
    expect(new Set([...stillQueued, ...delivered])).toEqual(new Set(ids));

    // Back online: everything is sent, once (the cashier may also press "Sincronizar ahora").
    await context.setOffline(false);
    await page.getByRole("button", { name: "Sincronizar ahora" }).click();
    await expect(page.getByTestId("pos-queued")).toHaveText("0", { timeout: 30_000 });
    await expect(page.getByTestId("pos-online")).toHaveText("En línea");
    const after = await snapshot(biz.slug, cashSessionId, [COLA]);
    expect(after.sales - before.sales).toBe(20);
    expect(Number(after.cash) - Number(before.cash)).toBe(20 * 1900);
    expect(Number(before.stock[COLA]) - Number(after.stock[COLA])).toBe(20);
    const rows = await salesByIds(biz.slug, ids);
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.mode === "OFFLINE" && r.total === "1900.00")).toBe(true);
    await expect(page.getByTestId("pos-last-sync")).not.toContainText("nunca");
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test("a batch committed on the server whose response is lost is retried without duplicates", async ({ browser }) => {
  // Without the worker so route interception sees every request.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await login(page, biz.users.cashier, biz.password, `/${biz.slug}/pos`);
  const { cashSessionId } = await ensureSession(page);
  await openTerminal(page);
  const before = await snapshot(biz.slug, cashSessionId, [COLA]);

  await context.setOffline(true);
  await expect(page.getByTestId("pos-online")).toHaveText("Sin conexión");
  for (let i = 0; i < 3; i++) await ring(page, COLA);
  const ids = await queuedIds(page);

  let calls = 0;
  await page.route(`**/api/pos/${biz.slug}/sync`, async (route) => {
    calls++;
    if (calls === 1) {
      const res = await route.fetch(); // the server commits the batch…
      expect(res.ok()).toBe(true);
      return route.abort("connectionreset"); // …and the answer never arrives
    }
    return route.continue();
  });
  await context.setOffline(false);
  await page.getByRole("button", { name: "Sincronizar ahora" }).click();
  await expect(page.getByTestId("pos-queued")).toHaveText("0", { timeout: 30_000 });
  expect(calls).toBeGreaterThanOrEqual(2);
  const after = await snapshot(biz.slug, cashSessionId, [COLA]);
  expect(after.sales - before.sales).toBe(3);
  expect(Number(after.cash) - Number(before.cash)).toBe(3 * 1900);
  expect(await salesByIds(biz.slug, ids)).toHaveLength(3);
  await context.close();
});

test("two tabs syncing the same queue never duplicate a sale", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const a = await context.newPage();
  await login(a, biz.users.cashier, biz.password, `/${biz.slug}/pos`);
  const { cashSessionId } = await ensureSession(a);
  await openTerminal(a);
  const b = await context.newPage();
  await openTerminal(b);
  const before = await snapshot(biz.slug, cashSessionId, [COLA]);

  await context.setOffline(true);
  for (let i = 0; i < 4; i++) {
    await ring(a, COLA);
    await ring(b, COLA);
  }
  await expect(a.getByTestId("pos-queued")).toHaveText("8");
  const ids = await queuedIds(a);
  expect(ids).toHaveLength(8);

  await context.setOffline(false);
  // Both tabs kick a sync at once; they also press "Sincronizar ahora" to force overlap.
  await Promise.all([a.getByRole("button", { name: "Sincronizar ahora" }).click(), b.getByRole("button", { name: "Sincronizar ahora" }).click()]);
  await expect(a.getByTestId("pos-queued")).toHaveText("0", { timeout: 30_000 });
  await expect(b.getByTestId("pos-queued")).toHaveText("0", { timeout: 30_000 });
  const after = await snapshot(biz.slug, cashSessionId, [COLA]);
  expect(after.sales - before.sales).toBe(8);
  expect(Number(after.cash) - Number(before.cash)).toBe(8 * 1900);
  expect(Number(before.stock[COLA]) - Number(after.stock[COLA])).toBe(8);
  expect(await salesByIds(biz.slug, ids)).toHaveLength(8);
  await context.close();
});

test("an offline sale that oversells is accepted and shown on the conflicts page for the supervisor", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await login(page, biz.users.cashier, biz.password, `/${biz.slug}/pos`);
  const { cashSessionId } = await ensureSession(page);
  await openTerminal(page);
  const before = await snapshot(biz.slug, cashSessionId, [CACAO]);
  // Whole bags on the register warehouse's shelf (an earlier oversell may have left a deficit lot).
  const stock = Math.max(0, Math.floor(Number(await takeableAtRegister(biz.slug, CACAO, "Caja Offline"))));

  await context.setOffline(true);
  await ring(page, CACAO, stock + 2); // two more than the shelf holds
  await context.setOffline(false);
  await page.getByRole("button", { name: "Sincronizar ahora" }).click();
  await expect(page.getByTestId("pos-queued")).toHaveText("0", { timeout: 30_000 });
  await expect(page.getByTestId("pos-recent")).toContainText("⚠ stock");
  const after = await snapshot(biz.slug, cashSessionId, [CACAO]);
  expect(after.sales - before.sales).toBe(1);
  expect(after.conflicts - before.conflicts).toBe(1);
  const [conflict] = await withTenantDb(biz.slug, (tx) => tx<{ shortfall: string }[]>`select shortfall::text from stock_conflicts where tenant_id = current_setting('app.current_tenant')::uuid order by created_at desc limit 1`);
  expect(Number(conflict!.shortfall)).toBe(2);
  await context.close();

  const sup = await browser.newContext();
  const sp = await sup.newPage();
  await login(sp, biz.users.supervisor, biz.password, `/${biz.slug}/conflictos`);
  const row = sp.getByTestId("stock-conflicts").getByRole("row", { name: /Cacao amargo 400 g/ }).first();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Resolver…" }).click();
  await row.getByLabel("Cómo se resolvió").fill("Se contó el estante y se ajustó el stock");
  await row.getByRole("button", { name: "Marcar resuelto" }).click();
  await sp.getByRole("tab", { name: "Resueltos" }).click();
  await expect(sp.getByText("Se contó el estante y se ajustó el stock").first()).toBeVisible();
  await sup.close();
});

test("signing out and closing the register are blocked while this browser holds unsynced sales", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await login(page, biz.users.cashier, biz.password, `/${biz.slug}/pos`);
  await ensureSession(page);
  await openTerminal(page);
  // The server is unreachable for sync: the sale stays queued.
  await context.route(`**/api/pos/${biz.slug}/sync`, (route) => route.abort("internetdisconnected"));
  await ring(page, COLA);
  await expect(page.getByTestId("pos-queued")).toHaveText("1");
  await page.keyboard.press("F10");
  await expect(page.getByRole("status").or(page.getByRole("alert")).filter({ hasText: "sin enviar al servidor" }).first()).toBeVisible();
  await expect(page.getByRole("dialog", { name: /Cerrar caja/ })).toHaveCount(0);
  await page.getByTestId("pos-signout").click();
  await expect(page.getByTestId("pos-notice")).toContainText("sin enviar al servidor");
  await expect(page).toHaveURL(new RegExp(`/${biz.slug}/pos$`));

  // The app shell's "Salir" is cancelled too, with the same explanation.
  await page.goto(`/${biz.slug}`);
  const messages: string[] = [];
  page.on("dialog", (d) => {
    messages.push(d.message());
    void d.accept();
  });
  await expect(page.getByRole("button", { name: "Salir" })).toBeVisible();
  // The guard reads the queue when the page mounts: wait until it has, not for a fixed time.
  await expect(page.locator("html")).toHaveAttribute("data-offline-guard", "blocking");
  await page.getByRole("button", { name: "Salir" }).click();
  await expect.poll(() => messages.join(" ")).toContain("sin enviar al servidor");
  await expect(page).toHaveURL(new RegExp(`/${biz.slug}$`));

  // Once synced, nothing blocks.
  await context.unroute(`**/api/pos/${biz.slug}/sync`);
  await openTerminal(page);
  await page.getByRole("button", { name: "Sincronizar ahora" }).click();
  await expect(page.getByTestId("pos-queued")).toHaveText("0", { timeout: 30_000 });
  await page.keyboard.press("F10");
  await expect(page.getByRole("dialog", { name: /Cerrar caja/ })).toBeVisible();
  await context.close();
});
