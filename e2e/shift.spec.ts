import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { login } from "./fixtures";
import { snapshot, takeableAtRegister, withTenantDb } from "./offline-db";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

// A whole shift with the network cut BEFORE opening the register: open offline, sell (line and
// ticket discounts, split payments, a Factura A customer typed offline, bottles that make the
// terminal's sale open a six-pack), a cash withdrawal, reload and browser restart in between,
// then reconnect: everything reaches the server exactly once, and the blind close works.
// Keyboard only on the terminal.
const COLA = "7790895000997"; // $ 1.900
const LECHE = "7790742000019"; // $ 1.500
const WATER = "7798062540017"; // $ 1.500 a bottle, child of the six-pack below
const SIXPACK = "7798062540611";

test.describe.configure({ mode: "serial" });

/** A fresh fiscal register (no session yet) created by the owner through the app's API. */
async function newRegister(browser: Browser, name: string): Promise<string> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, biz.users.owner, biz.password, `/${biz.slug}`);
  const headers = { "content-type": "application/json", "x-tenant-slug": biz.slug };
  const wh = await (await page.request.get("/api/trpc/pos.warehouses", { headers })).json();
  const warehouseId = wh.result.data.json[0].id as string;
  const res = await page.request.post("/api/trpc/pos.saveRegister", { headers, data: { json: { name, warehouseId, afipPointOfSale: 40 + Math.floor(Math.random() * 900), fiscalEnabled: true } } });
  expect(res.ok(), await res.text()).toBe(true);
  await ctx.close();
  return name;
}

async function pickRegister(page: Page, name: string) {
  const chooser = page.getByLabel("Caja", { exact: true });
  const option = chooser.locator("option", { hasText: new RegExp(`^${name}( |$)`) });
  await expect(option).toHaveCount(1);
  await chooser.selectOption((await option.getAttribute("value"))!);
}

async function type(page: Page, text: string, then = "Enter") {
  await page.keyboard.type(text);
  await page.keyboard.press(then);
}

/** Rings ticket `i` by keyboard; returns its total in cents and the units per barcode sold. */
async function ringTicket(page: Page, i: number, opts: { waterUnits?: number; customerDoc?: string } = {}): Promise<{ cents: number; units: Record<string, number> }> {
  await expect(page.getByTestId("pos-scan")).toBeFocused();
  const units: Record<string, number> = {};
  let cents: number;
  if (opts.customerDoc) {
    await page.keyboard.press("F3");
    await expect(page.getByLabel("Buscar cliente")).toBeFocused();
    await page.keyboard.press("F3");
    await expect(page.getByLabel("Número")).toBeFocused();
    await type(page, opts.customerDoc, "Tab");
    await type(page, "Distribuidora Turno SRL");
    await expect(page.getByTestId("pos-customer")).toContainText("Distribuidora Turno SRL");
    await page.getByTestId("pos-scan").focus();
  }
  if (opts.waterUnits) {
    await type(page, `${opts.waterUnits}*${WATER}`);
    units[WATER] = opts.waterUnits;
    cents = opts.waterUnits * 150000;
  } else {
    const code = i % 2 === 0 ? COLA : LECHE;
    await type(page, code);
    units[code] = 1;
    cents = code === COLA ? 190000 : 150000;
  }
  if (i % 3 === 0) {
    await page.keyboard.press("F4");
    await type(page, "100");
    cents -= 10000;
  }
  if (i % 4 === 1) {
    await page.keyboard.press("F6");
    await type(page, "50");
    cents -= 5000;
  }
  await page.keyboard.press("F9");
  const dialog = page.getByRole("dialog", { name: "Cobrar" });
  await expect(dialog.getByLabel("Importe Efectivo")).toBeFocused();
  if (i % 5 === 2) {
    await page.keyboard.type("1000");
    await expect(dialog.getByTestId("payment-owed")).toBeVisible();
    await page.keyboard.press("Alt+d");
    await expect(dialog.getByLabel("Importe Débito")).toBeFocused();
  }
  await page.keyboard.press("Enter");
  await expect(page.getByText("Escaneá un producto para empezar la venta.")).toBeVisible();
  await expect(page.getByTestId("ticket-fiscal")).toHaveText("Comprobante fiscal pendiente");
  const shown = new Intl.NumberFormat("es-AR", { minimumFractionDigits: 2 }).format(cents / 100);
  await expect(page.getByTestId("ticket-total"), `ticket ${i}`).toContainText(shown);
  return { cents, units };
}

async function openOffline(page: Page, context: BrowserContext, register: string) {
  await page.goto(`/${biz.slug}/pos`);
  await pickRegister(page, register);
  await expect(page.getByText(/Catálogo: [1-9][\d.]* productos/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Abrir caja" })).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByTestId("pos-online")).toHaveText("Sin conexión");
  await expect(page.getByLabel(/Fondo inicial/)).toBeFocused();
  await type(page, "20.000");
  await expect(page.getByTestId("pos-scan")).toBeFocused();
  await expect(page.getByTestId("pos-queued")).toHaveText("1"); // the opening, queued like a sale
}

async function withdraw(page: Page, amount: string) {
  await page.keyboard.press("F7");
  const d = page.getByRole("dialog", { name: "Movimiento de caja" });
  await expect(d.getByLabel("Importe")).toBeFocused();
  await type(page, amount, "Tab");
  await type(page, "Pago al proveedor de hielo");
  await expect(d.getByText(/Retiro de .* registrado/)).toBeVisible();
  await page.keyboard.press("Escape");
}

async function sessionOf(register: string) {
  return withTenantDb(biz.slug, async (tx) => {
    const rows = await tx<{ id: string; opening_float: string; opened_offline: boolean; open_conflict: boolean; status: string }[]>`
      select s.id, s.opening_float::text, s.opened_offline, s.open_conflict, s.status from cash_sessions s
      join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id where s.tenant_id = current_setting('app.current_tenant')::uuid and r.name = ${register}`;
    return rows;
  });
}

async function shiftTotals(sessionId: string) {
  return withTenantDb(biz.slug, async (tx) => {
    const [r] = await tx<{ sales: number; total: string; moves: string; fiscal: number; customers: number; outs: number }[]>`
      select (select count(*)::int from sales where cash_session_id = ${sessionId}) as sales,
             (select coalesce(sum(total), 0)::text from sales where cash_session_id = ${sessionId}) as total,
             (select coalesce(sum(amount), 0)::text from cash_movements where cash_session_id = ${sessionId}) as moves,
             (select count(*)::int from fiscal_documents f join sales s on s.tenant_id = f.tenant_id and s.id = f.sale_id where s.cash_session_id = ${sessionId}) as fiscal,
             (select count(distinct customer_id)::int from sales where cash_session_id = ${sessionId} and customer_id is not null) as customers,
             (select count(*)::int from cash_movements where cash_session_id = ${sessionId} and type = 'MANUAL_OUT') as outs`;
    return r!;
  });
}

async function closeBlind(page: Page) {
  await expect(page.getByTestId("pos-queued")).toHaveText("0", { timeout: 60_000 });
  // Closing needs the server: wait for what the cashier sees, the status back "En línea".
  await expect(page.getByTestId("pos-online")).toHaveText("En línea", { timeout: 30_000 });
  await page.getByTestId("pos-scan").focus();
  await page.keyboard.press("F10");
  const d = page.getByRole("dialog", { name: /Cerrar caja/ });
  await expect(d.getByLabel("Efectivo contado")).toBeFocused();
  await type(page, "1000");
  await expect(d.getByTestId("closing-result")).toContainText("Caja cerrada");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Abrir caja" })).toBeVisible();
}

test("a whole shift offline from the opening: 30 tickets, reload and browser restart, reconnect: exactly once, then blind close", async ({ browser }) => {
  test.setTimeout(480_000);
  const register = await newRegister(browser, `Caja Turno ${Date.now().toString(36)}`);
  const doc = `307${String(Date.now()).slice(-8)}`;
  const use = test.info().project.use;
  const userDataDir = mkdtempSync(path.join(tmpdir(), "mostrador-shift-"));
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
  let context = await launch(false);
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await login(page, biz.users.cashier, biz.password, `/${biz.slug}/pos`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.goto(`/${biz.slug}/pos`); // now controlled by the worker, which keeps this page for offline loads
    await expect
      .poll(() => page.evaluate(async () => !!navigator.serviceWorker.controller && !!(await caches.open("pos-pages").then((c) => c.match(location.href)))), { timeout: 30_000 })
      .toBe(true);
    const water = Math.max(0, Math.floor(Number(await takeableAtRegister(biz.slug, WATER, register))));
    const before = await snapshot(biz.slug, "00000000-0000-0000-0000-000000000000", [COLA, LECHE, WATER, SIXPACK]);

    await openOffline(page, context, register);
    let cents = 0;
    const units: Record<string, number> = {};
    const add = (r: { cents: number; units: Record<string, number> }) => {
      cents += r.cents;
      for (const [k, v] of Object.entries(r.units)) units[k] = (units[k] ?? 0) + v;
    };
    for (let i = 0; i < 30; i++) {
      if (i === 10) {
        // A line in the cart survives a reload.
        await type(page, COLA);
        await expect(page.getByRole("row", { name: /Gaseosa cola/ })).toBeVisible();
        await page.reload();
        await expect(page.getByRole("row", { name: /Gaseosa cola/ })).toBeVisible();
        await page.getByTestId("pos-scan").focus();
        await page.keyboard.press("Delete");
      }
      if (i === 15) await withdraw(page, "1.500");
      if (i === 20) {
        // Opening + customer + withdrawal + 20 sales wait on disk; the server has none of it.
        await expect(page.getByTestId("pos-queued")).toHaveText("23");
        expect(await sessionOf(register)).toEqual([]);
        await type(page, LECHE); // in the cart when the browser goes away
        await expect(page.getByRole("row", { name: /Leche entera/ })).toBeVisible();
        await context.close();
        context = await launch(true);
        page = context.pages()[0] ?? (await context.newPage());
        const again = await page.goto(`/${biz.slug}/pos`);
        expect(again?.fromServiceWorker()).toBe(true);
        await expect(page.getByTestId("pos-online")).toHaveText("Sin conexión");
        await expect(page.getByRole("row", { name: /Leche entera/ })).toBeVisible();
        await page.getByTestId("pos-scan").focus();
        await page.keyboard.press("Delete");
      }
      add(await ringTicket(page, i, { customerDoc: i === 0 ? doc : undefined, waterUnits: i === 1 ? water + 2 : undefined }));
    }
    // (After the restart Chromium's Background Sync may already have delivered part of it.)
    await context.setOffline(false);
    await page.getByRole("button", { name: "Sincronizar ahora" }).click();
    await expect(page.getByTestId("pos-queued")).toHaveText("0", { timeout: 90_000 });
    const [session] = await sessionOf(register);
    expect(session).toMatchObject({ opening_float: "20000.00", opened_offline: true, open_conflict: false, status: "OPEN" });
    const totals = await shiftTotals(session!.id);
    expect(totals).toMatchObject({ sales: 30, fiscal: 30, customers: 1, outs: 1 });
    expect(Math.round(Number(totals.total) * 100)).toBe(cents);
    expect(Math.round(Number(totals.moves) * 100)).toBe(cents - 150000);
    const after = await snapshot(biz.slug, session!.id, [COLA, LECHE, WATER, SIXPACK]);
    expect(Number(before.stock[COLA]) - Number(after.stock[COLA])).toBe(units[COLA]);
    expect(Number(before.stock[LECHE]) - Number(after.stock[LECHE])).toBe(units[LECHE]);
    expect(Number(before.stock[SIXPACK]) - Number(after.stock[SIXPACK])).toBe(1); // one six-pack opened
    const customers = await withTenantDb(biz.slug, (tx) => tx`select name from customers where tenant_id = current_setting('app.current_tenant')::uuid and doc_number = ${doc}`);
    expect(customers).toEqual([{ name: "Distribuidora Turno SRL" }]);

    // Sync again (a replay): still exactly once.
    await page.getByRole("button", { name: "Sincronizar ahora" }).click();
    expect((await shiftTotals(session!.id)).sales).toBe(30);
    await closeBlind(page);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test("the same shift with the network dropping mid-sync (responses lost after the server committed)", async ({ browser }) => {
  test.setTimeout(180_000);
  const register = await newRegister(browser, `Caja Corte ${Date.now().toString(36)}`);
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await login(page, biz.users.cashier, biz.password, `/${biz.slug}/pos`);
  await openOffline(page, context, register);
  let cents = 0;
  for (let i = 0; i < 6; i++) {
    if (i === 3) await withdraw(page, "500");
    cents += (await ringTicket(page, i)).cents;
  }
  const lost: Record<string, number> = {};
  for (const p of [`**/api/pos/${biz.slug}/ops`, `**/api/pos/${biz.slug}/sync`]) {
    await page.route(p, async (route) => {
      lost[p] = (lost[p] ?? 0) + 1;
      if (lost[p] === 1) {
        const res = await route.fetch(); // the server commits…
        expect(res.ok()).toBe(true);
        return route.abort("connectionreset"); // …and the answer never arrives
      }
      return route.continue();
    });
  }
  await context.setOffline(false);
  await page.getByRole("button", { name: "Sincronizar ahora" }).click();
  await expect(page.getByTestId("pos-queued")).toHaveText("0", { timeout: 60_000 });
  expect(lost[`**/api/pos/${biz.slug}/ops`]).toBeGreaterThanOrEqual(2);
  expect(lost[`**/api/pos/${biz.slug}/sync`]).toBeGreaterThanOrEqual(2);
  const [session, ...others] = await sessionOf(register);
  expect(others).toEqual([]);
  const totals = await shiftTotals(session!.id);
  expect(totals).toMatchObject({ sales: 6, fiscal: 6, outs: 1 });
  expect(Math.round(Number(totals.total) * 100)).toBe(cents);
  await closeBlind(page);
  await context.close();
});

test("the same shift with two tabs selling from one queue", async ({ browser }) => {
  test.setTimeout(180_000);
  const register = await newRegister(browser, `Caja Dos ${Date.now().toString(36)}`);
  const context = await browser.newContext({ serviceWorkers: "block" });
  const a = await context.newPage();
  await login(a, biz.users.cashier, biz.password, `/${biz.slug}/pos`);
  // The second tab is open before the network goes: it learns of the shift the first tab
  // opens offline through the shared local queue (a broadcast between tabs), not the server.
  const b = await context.newPage();
  await b.goto(`/${biz.slug}/pos`);
  await expect(b.getByText(/Catálogo: [1-9][\d.]* productos/)).toBeVisible();
  await a.bringToFront();
  await openOffline(a, context, register);
  let cents = 0;
  for (let i = 0; i < 3; i++) cents += (await ringTicket(a, i)).cents;
  // Tab A starts a ticket and leaves it in its cart: each tab rings its own ticket.
  await type(a, WATER);
  await expect(a.getByRole("row", { name: /Agua mineral/ })).toBeVisible();
  await b.bringToFront();
  await pickRegister(b, register);
  await expect(b.getByTestId("pos-online")).toHaveText("Sin conexión");
  await expect(b.getByText("Escaneá un producto para empezar la venta.")).toBeVisible();
  await expect(b.getByRole("row", { name: /Agua mineral/ })).toHaveCount(0);
  await b.getByTestId("pos-scan").focus();
  for (let i = 3; i < 6; i++) cents += (await ringTicket(b, i)).cents;
  await a.bringToFront();
  await expect(a.getByRole("row", { name: /Agua mineral/ })).toBeVisible();
  await context.setOffline(false);
  await Promise.all([a.getByRole("button", { name: "Sincronizar ahora" }).click(), b.getByRole("button", { name: "Sincronizar ahora" }).click()]);
  await expect(a.getByTestId("pos-queued")).toHaveText("0", { timeout: 60_000 });
  await expect(b.getByTestId("pos-queued")).toHaveText("0", { timeout: 60_000 });
  // A's ticket is still A's, also after a reload of A (B's sales did not touch it).
  await a.bringToFront();
  await a.reload();
  await expect(a.getByRole("row", { name: /Agua mineral/ })).toBeVisible();
  await a.getByTestId("pos-scan").focus();
  await a.keyboard.press("Delete");
  await expect(a.getByText("Escaneá un producto para empezar la venta.")).toBeVisible();
  const [session, ...others] = await sessionOf(register);
  expect(others).toEqual([]);
  const totals = await shiftTotals(session!.id);
  expect(totals.sales).toBe(6);
  expect(Math.round(Number(totals.total) * 100)).toBe(cents);
  await closeBlind(a);
  await context.close();
});
