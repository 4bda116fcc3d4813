import { randomUUID } from "node:crypto";
import type { Browser } from "@playwright/test";
import { login } from "./fixtures";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

// A shift opened offline on a register that was meanwhile opened elsewhere reaches the server
// flagged (never dropped); the supervisor sees it beside the other session and records what
// was decided. The permission is the server's: a cashier's request is refused.
const tenantHeaders = () => ({ "content-type": "application/json", "x-tenant-slug": biz.slug });

async function newRegister(browser: Browser, name: string): Promise<string> {
  const headers = tenantHeaders();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, biz.users.owner, biz.password, `/${biz.slug}`);
  const wh = await (await page.request.get("/api/trpc/pos.warehouses", { headers })).json();
  const res = await page.request.post("/api/trpc/pos.saveRegister", {
    headers,
    data: { json: { name, warehouseId: wh.result.data.json[0].id, afipPointOfSale: 40 + Math.floor(Math.random() * 900), fiscalEnabled: false } },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const context = await (await page.request.get(`/api/pos/${biz.slug}/context`, { headers })).json();
  await ctx.close();
  return (context.registers as { id: string; name: string }[]).find((r) => r.name === name)!.id;
}

test("a supervisor resolves a shift opened offline on a register that was already open", async ({ browser }) => {
  test.setTimeout(180_000);
  const headers = tenantHeaders();
  const name = `Caja Doble ${Date.now().toString(36)}`;
  const registerId = await newRegister(browser, name);
  const cashierCtx = await browser.newContext();
  const cashier = await cashierCtx.newPage();
  await login(cashier, biz.users.cashier, biz.password, `/${biz.slug}/pos`);
  const open = (float: string) => ({ kind: "OPEN_SESSION", id: randomUUID(), registerId, openingFloat: float, at: new Date().toISOString() });
  const first = await cashier.request.post(`/api/pos/${biz.slug}/ops`, { headers, data: { ops: [open("1000.00")] } });
  expect((await first.json()).results[0].status).toBe("ACCEPTED");
  const second = await cashier.request.post(`/api/pos/${biz.slug}/ops`, { headers, data: { ops: [open("2500.00")] } });
  expect((await second.json()).results[0].status).toBe("ACCEPTED_WITH_CONFLICT");
  const denied = await cashier.request.get(`/api/trpc/pos.openConflicts?input=${encodeURIComponent(JSON.stringify({ json: { status: "OPEN" } }))}`, { headers });
  expect(denied.status()).toBe(403);
  await cashierCtx.close();

  const ctx = await browser.newContext();
  const sup = await ctx.newPage();
  await login(sup, biz.users.supervisor, biz.password, `/${biz.slug}/conflictos`);
  const card = sup.getByTestId("open-conflicts").getByRole("listitem").filter({ hasText: name });
  await expect(card).toContainText("abierta sin conexión por Cajero Demo");
  await expect(card).toContainText("2.500,00");
  await expect(card).toContainText("Ya estaba abierta por Cajero Demo");
  await sup.screenshot({ path: test.info().outputPath("conflicts-1366.png"), fullPage: true });
  await card.getByRole("button", { name: "Resolver…" }).click();
  await expect(card.getByLabel("Qué se decidió")).toBeFocused();
  await sup.keyboard.type("Se abrió dos veces sin conexión; se cierran por separado");
  await sup.keyboard.press("Enter");
  await expect(card).toHaveCount(0);
  await sup.getByRole("tab", { name: "Resueltos" }).click();
  const done = sup.getByTestId("open-conflicts").getByRole("listitem").filter({ hasText: name });
  await expect(done).toContainText("Se abrió dos veces sin conexión; se cierran por separado");
  await expect(done).toContainText("Supervisora Demo");
  await sup.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => sup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await sup.screenshot({ path: test.info().outputPath("conflicts-390.png"), fullPage: true });
  await ctx.close();
});
