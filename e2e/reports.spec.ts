import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { login } from "./fixtures";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

// The owner's dashboard and reports on the demo business. The sale goes through the real
// tRPC endpoint as the cashier (the POS screen is another area's); the owner's page is
// server-rendered from the rollups the sale's own transaction updated.
const COLA = "7790895000997";

/** "$ 12.345,67" → 12345.67 (test-side parsing of what the page shows). */
const amount = (text: string) => Number(text.replace(/[^\d,-]/g, "").replace(",", "."));

async function trpcGet(page: Page, path: string, input: unknown) {
  const res = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { "x-tenant-slug": biz.slug } });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()).result.data.json;
}
async function trpcPost(page: Page, path: string, input: unknown) {
  const res = await page.request.post(`/api/trpc/${path}`, { headers: { "content-type": "application/json", "x-tenant-slug": biz.slug }, data: { json: input } });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()).result.data.json;
}

/** As the cashier: a register with the cashier's own open session (opening one if needed). */
async function cashierSession(page: Page) {
  const ctx = await (await page.request.get(`/api/pos/${biz.slug}/context`)).json();
  const mine = ctx.registers.find((r: { cashSessionId: string | null; openedBy: string | null; name: string }) => r.cashSessionId && r.openedBy === ctx.user.id && r.name !== "Caja Offline");
  if (mine) return { registerId: mine.id as string, cashSessionId: mine.cashSessionId as string };
  const free = ctx.registers.find((r: { cashSessionId: string | null; name: string }) => !r.cashSessionId && r.name !== "Caja Offline");
  expect(free, "a free register for the cashier").toBeTruthy();
  const s = await trpcPost(page, "pos.openSession", { registerId: free.id, openingFloat: "1000.00" });
  return { registerId: free.id as string, cashSessionId: s.id as string };
}

test("the owner sees today's sales move after a cashier sells, and exports the sales report as CSV", async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  await login(owner, biz.users.owner, undefined, `/${biz.slug}`);
  await owner.goto(`/${biz.slug}?periodo=today`);
  await expect(owner.getByRole("heading", { name: "Tablero" })).toBeVisible();
  const net = owner.getByTestId("tile-net");
  const before = amount((await net.textContent()) ?? "");
  const ticketsBefore = amount((await owner.getByTestId("tile-tickets").textContent()) ?? "");

  const cashierCtx = await browser.newContext();
  const cashier = await cashierCtx.newPage();
  await login(cashier, biz.users.cashier, undefined, `/${biz.slug}`);
  // A cashier keeps the launcher: no dashboard, and the reports API refuses them.
  await cashier.goto(`/${biz.slug}`);
  await expect(cashier.getByRole("heading", { name: /Hola/ })).toBeVisible();
  const refused = await cashier.request.get(`/api/trpc/reports.dashboard?input=${encodeURIComponent(JSON.stringify({ json: { from: "2026-01-01", to: "2026-01-01" } }))}`, { headers: { "x-tenant-slug": biz.slug } });
  expect(refused.status()).toBe(403);

  const { registerId, cashSessionId } = await cashierSession(cashier);
  const product = await trpcGet(cashier, "pos.productByCode", { code: COLA });
  const price: string = product.salePrice;
  await trpcPost(cashier, "pos.createSale", {
    id: randomUUID(),
    registerId,
    cashSessionId,
    createdAt: new Date().toISOString(),
    lines: [{ productId: product.id, quantity: "2", unitPrice: price }],
    payments: [{ method: "CASH", amount: String(Number(price) * 2) }],
  });

  await owner.reload();
  await expect(net).not.toHaveText(String(before));
  const after = amount((await net.textContent()) ?? "");
  expect(Math.round((after - before) * 100)).toBe(Math.round(Number(price) * 2 * 100));
  expect(amount((await owner.getByTestId("tile-tickets").textContent()) ?? "")).toBe(ticketsBefore + 1);

  // Sales by product for today, exported as CSV.
  await owner.goto(`/${biz.slug}/reportes/ventas`);
  await owner.getByRole("button", { name: "Hoy", exact: true }).click();
  await owner.getByLabel("Agrupar por").selectOption("product");
  await expect(owner.getByRole("table", { name: "Ventas por producto" })).toContainText(product.name);
  const [download] = await Promise.all([owner.waitForEvent("download"), owner.getByRole("button", { name: "Exportar CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ventas-por-product-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFProducto;Unidades;Ventas brutas;Descuentos;Anulaciones;Ventas netas;Costo;Margen;Margen %");
  expect(csv).toContain(product.name);
  expect(csv).toMatch(/\r\nTotal;/);
  await ownerCtx.close();
  await cashierCtx.close();
});

test("the dashboard works at phone width without horizontal scroll", async ({ browser }, info) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await login(page, biz.users.owner, undefined, `/${biz.slug}`);
  await page.goto(`/${biz.slug}?periodo=last30`);
  await expect(page.getByRole("heading", { name: "Tablero" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Últimos 30 días" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  // Accessible alternative: each chart has a table with its figures.
  await expect(page.locator("table caption", { hasText: "Ventas netas por día" })).toHaveCount(1);
  // Charts size themselves after their first paint: wait for the layout to settle.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath("dashboard-390.png"), fullPage: true });
  // Custom period with visible Desde / Hasta.
  await page.getByRole("button", { name: "Personalizado" }).click();
  await expect(page.getByLabel("Desde")).toBeVisible();
  await expect(page.getByLabel("Hasta")).toBeVisible();
  // A report page at phone width: the table scrolls inside its box, never the page.
  await page.goto(`/${biz.slug}/reportes/ventas`);
  await expect(page.getByRole("table", { name: "Ventas por día" })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath("sales-report-390.png"), fullPage: true });
  await ctx.close();

  const wide = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const p2 = await wide.newPage();
  await login(p2, biz.users.owner, undefined, `/${biz.slug}`);
  await p2.goto(`/${biz.slug}?periodo=last30`);
  await expect(p2.locator(".recharts-surface").first()).toBeVisible();
  await expect.poll(() => p2.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await p2.screenshot({ path: info.outputPath("dashboard-1366.png"), fullPage: true });
  await wide.close();
});
