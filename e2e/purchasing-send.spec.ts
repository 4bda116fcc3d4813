import type { Page } from "@playwright/test";
import { login } from "./fixtures";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

/** Screenshots at a laptop's and a phone's width (test artifacts); the page never scrolls sideways. */
async function shots(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    // What sticks out, named in the failure message (elements inside a scrolling box are fine).
    const sticking = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= w) return [];
      return [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.parentElement?.closest("[class*=overflow-x-auto]"))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)}`);
    });
    expect(sticking, `${name} at ${width} px scrolls sideways`).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 800 });
}

// Works on a product this spec creates (through the price list), so the demo business's other
// products, stock and suggestions stay as the other specs expect them.
test("a Windows-1252 price list applied without its rejected row; an order of \"1.500\" units is sent and received as 1500", async ({ page }) => {
  test.setTimeout(120_000);
  const { withCheckDigit } = await import("../src/lib/barcode");
  const base = String(Date.now()).slice(-8);
  const good = withCheckDigit(`7793${base}`);
  const bad = withCheckDigit(`7794${base}`);
  const name = `Jabón ñandú ${base}`;
  await login(page, biz.users.manager, undefined, `/${biz.slug}/compras/lista-de-precios`);
  await page.getByLabel("Proveedor").selectOption({ label: "Almacén Mayorista Norte" });

  // What Excel in es-AR saves: Windows-1252 bytes (ñ, ú), ";" separator, "1.100" = one thousand one hundred.
  const csv = `codigo_barras;nombre;precio;unidades_por_bulto\r\n${good};${name};1.100;1\r\n${bad};Jabón malo;1.10;1\r\n`;
  await page.getByLabel("Archivo (CSV o Excel)").setInputFiles({ name: "lista.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
  await expect(page.getByText("lista.csv · CSV (Windows-1252, como lo guarda Excel)")).toBeVisible();
  await page.getByRole("button", { name: "Validar y ver cambios" }).click();
  await expect(page.getByRole("list", { name: "Errores por fila" })).toContainText("Fila 3 · precio: «1.10» es ambiguo");
  const row = page.getByRole("row", { name: new RegExp(good) });
  await expect(row).toContainText(name);
  await expect(row).toContainText("$ 1.100,00");
  await shots(page, "price-list-preview");
  await page.getByRole("button", { name: "Aplicar solo la fila válida" }).click();
  const confirm = page.getByRole("dialog", { name: "¿Aplicar solo las filas válidas?" });
  await expect(confirm).toContainText("La fila rechazada no se aplica.");
  await confirm.getByRole("button", { name: "Aplicar" }).click();
  await expect(page.getByText("Lista aplicada: 0 productos actualizados y 1 creados. Quedaron afuera 1 fila rechazada (listadas abajo).")).toBeVisible();

  // A new order: "1.50" is refused with its reading, "1.500" is fifteen hundred.
  await page.goto(`/${biz.slug}/compras/ordenes/nueva`);
  await page.getByLabel("Proveedor").selectOption({ label: "Almacén Mayorista Norte" });
  await page.getByLabel("Buscar productos").fill(base);
  await page.getByLabel("Producto de la línea 1").selectOption({ label: `${name} (${good})` });
  await expect(page.getByLabel("Costo de la línea 1")).toHaveValue("1.100");
  const qty = page.getByLabel("Cantidad de la línea 1");
  await qty.fill("1.50");
  await qty.blur();
  await expect(page.getByText("«1.50» es ambiguo")).toBeVisible();
  await expect(qty).toHaveAttribute("aria-invalid", "true");
  await qty.fill("1500");
  await qty.blur();
  await expect(qty).toHaveValue("1.500");
  await expect(page.getByText("Total $ 1.650.000,00")).toBeVisible();
  await shots(page, "order-form");
  await page.getByRole("button", { name: "Guardar borrador" }).click();

  // The order, ready to send: WhatsApp (no phone on file: WhatsApp asks) and e-mail with the summary, and the A4 page.
  await expect(page.getByRole("heading", { name: /Orden OC-\d{6}/ })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("1.500");
  const wa = await page.getByRole("link", { name: "Enviar por WhatsApp" }).getAttribute("href");
  expect(wa).toMatch(/^https:\/\/wa\.me\/\?text=/);
  expect(decodeURIComponent(wa!.split("?text=")[1]!)).toContain(`• 1.500 u ${name} (${good}) a $\u00a01.100,00`);
  const mail = await page.getByRole("link", { name: "Enviar por correo" }).getAttribute("href");
  expect(mail).toMatch(/^mailto:pedidos@mayoristanorte\.example\?subject=Orden%20de%20compra%20OC-\d{6}/);
  await page.getByRole("link", { name: "Imprimir o guardar PDF" }).click();
  await expect(page.getByRole("heading", { name: /Orden de compra OC-\d{6}/ })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("$ 1.650.000,00");
  await shots(page, "order-print");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Imprimir o guardar PDF" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("link", { name: /← Orden OC-/ }).click();

  await shots(page, "order-detail");
  await page.getByRole("button", { name: "Marcar como enviada" }).click();
  // The status card, not the "Enviada" (sent at) card's title, which is always there.
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Estado" }) })).toContainText("Enviada");
  await page.getByRole("link", { name: "Recibir mercadería" }).click();
  await shots(page, "order-receive");
  const received = page.getByLabel(`Cantidad recibida de ${name}`);
  await expect(received).toHaveValue("1.500");
  await received.fill("1.500");
  await expect(page.getByText("Total a pagar $ 1.650.000,00")).toBeVisible();
  await page.getByRole("button", { name: "Confirmar recepción" }).click();
  await expect(page.getByRole("heading", { name: "Cuenta a pagar · Almacén Mayorista Norte" })).toBeVisible();
  await expect(page.getByText("$ 1.650.000,00").first()).toBeVisible();
});
