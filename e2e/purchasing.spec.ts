import { login } from "./fixtures";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

const sideways = (page: import("@playwright/test").Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("the suggestions are a table on a laptop and cards on a phone, never scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await login(page, biz.users.manager, undefined, `/${biz.slug}/compras/sugerencias`);
  await expect(page.getByTestId("suggestion-Cacao en polvo")).toBeVisible();
  const frame = page.locator("[data-table-frame]");
  await expect(frame).toHaveAttribute("data-layout", /^(table|wrap)$/);
  await expect(page.getByRole("columnheader", { name: "Proveedor" })).toBeVisible();
  await expect.poll(() => sideways(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(frame).toHaveAttribute("data-layout", "cards");
  await expect.poll(() => sideways(page)).toBeLessThanOrEqual(0);
});

test("receiving stock of a product with expiry asks for the date, and says so in Spanish", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await login(page, biz.users.manager, undefined, `/${biz.slug}/inventario`);
  await page.getByLabel("Buscar productos").fill("Leche entera");
  await page.getByRole("row", { name: /Leche entera 1 l/ }).getByRole("button", { name: "Ingresar" }).click();
  const dialog = page.getByRole("dialog", { name: "Ingresar stock" });
  await expect(dialog.getByText("Vencimiento (obligatorio)")).toBeVisible();
  await dialog.getByLabel("Cantidad").fill("10");
  await dialog.getByLabel("Costo unitario").fill("1.000");
  await dialog.getByRole("button", { name: "Ingresar" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("«Leche entera 1 l» tiene vencimiento: indicá la fecha de vencimiento del lote.");
  await expect(dialog.getByLabel(/^Vencimiento/)).toBeFocused();
  await dialog.getByRole("button", { name: "Cancelar" }).click();

  // A product without expiry keeps the field optional.
  await page.getByLabel("Buscar productos").fill("Azúcar común");
  await page.getByRole("row", { name: /Azúcar común 1 kg/ }).getByRole("button", { name: "Ingresar" }).click();
  await expect(dialog.getByText("Vencimiento (opcional)")).toBeVisible();
});

test("a manager turns the cocoa suggestion into a purchase order, receives it with lot and expiry, and sees the payable due-soon alert", async ({ page }) => {
  await login(page, biz.users.manager, undefined, `/${biz.slug}/compras/sugerencias`);
  await expect(page).toHaveURL(new RegExp(`/${biz.slug}/compras/sugerencias$`));
  await expect(page.getByRole("heading", { name: "Sugerencias de reposición" })).toBeVisible();

  // The cocoa family: 20 000 g target − (8 × 400 + 5 × 900 + 2 × 2500) g = 7300 g, in whole bags of
  // each size, each presentation capped by its own stock máximo (issue 21.4).
  const cocoa = page.getByTestId("suggestion-Cacao en polvo");
  await expect(cocoa).toContainText("7300 g de cacao en polvo ≈ 2 × 2500 g o 5 × 900 g o 12 × 400 g");

  // Only the cocoa, in 900 g bags, edited quantity, from its usual supplier.
  await page.getByRole("button", { name: "ninguna" }).click();
  await cocoa.getByLabel("Elegir Cacao en polvo").check();
  const presentation = cocoa.getByLabel("Presentación de Cacao en polvo");
  const bag900 = await presentation.locator("option", { hasText: "Cacao amargo 900 g" }).getAttribute("value");
  await presentation.selectOption(bag900!);
  await expect(cocoa.getByLabel("Cantidad de Cacao en polvo")).toHaveValue("5");
  await cocoa.getByLabel("Cantidad de Cacao en polvo").fill("8");
  await expect(cocoa.getByLabel("Proveedor de Cacao en polvo").locator("option:checked")).toHaveText("Distribuidora del Sur SA");
  await page.getByRole("button", { name: "Crear órdenes de compra (1 proveedor)" }).click();

  const created = page.getByRole("status").filter({ hasText: "en borrador" });
  await expect(created).toBeVisible();
  await expect(cocoa).toContainText("Pedido en OC-");
  await created.getByRole("link", { name: /OC-\d{6}/ }).click();

  // The draft order: 8 × 900 g at the supplier's price; send it, then receive it.
  await expect(page.getByRole("heading", { name: /Orden OC-\d{6}/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Cacao amargo 900 g/ })).toContainText("8");
  await expect(page.getByText("Borrador", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Marcar como enviada" }).click();
  // The status card, not the "Enviada" (sent at) card's title, which is always there.
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Estado" }) })).toContainText("Enviada");
  await expect(page.getByText(/CUIT 30-71234567-1 \(datos al enviar\)/)).toBeVisible();
  await page.getByRole("link", { name: "Recibir mercadería" }).click();

  await expect(page.getByRole("heading", { name: /Recibir OC-\d{6}/ })).toBeVisible();
  await page.getByLabel("Lote de Cacao amargo 900 g").fill("CA-E2E-01");
  await page.getByLabel("Vencimiento de Cacao amargo 900 g").fill("2027-06-30");
  await expect(page.getByText("Total a pagar $ 46.400,00")).toBeVisible();
  await page.getByRole("button", { name: "Confirmar recepción" }).click();

  // The payable: 7-day terms → due soon, alerted right away in the bell.
  await expect(page.getByText("Mercadería recibida: se crearon los lotes, el ingreso de stock y esta cuenta a pagar.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Cuenta a pagar · Distribuidora del Sur SA" })).toBeVisible();
  await expect(page.getByText("Vence pronto", { exact: true })).toBeVisible();
  await expect(page.getByText("Vence en 7 días.")).toBeVisible();
  await expect(page.getByText("$ 46.400,00").first()).toBeVisible();

  const bell = page.getByRole("button", { name: /Notificaciones: \d+ sin leer/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const panel = page.getByRole("dialog", { name: "Notificaciones" });
  await expect(panel.getByText("Pago por vencer: Distribuidora del Sur SA vence en 7 días").first()).toBeVisible();

  // The received lot is in the inventory (the order is closed).
  await page.goto(`/${biz.slug}/compras/ordenes`);
  await expect(page.getByRole("row", { name: /Distribuidora del Sur SA/ }).first()).toContainText("Recibida");
  await page.goto(`/${biz.slug}/compras/pagos`);
  await expect(page.getByRole("row", { name: /Distribuidora del Sur SA/ }).first()).toContainText("Vence pronto");
});

test("a manager imports a supplier price list: row errors first, then a preview with differences, applied in one go", async ({ page }) => {
  const { withCheckDigit } = await import("../src/lib/barcode");
  const base = String(Date.now()).slice(-8);
  const a = withCheckDigit(`7791${base}`);
  const b = withCheckDigit(`7792${base}`);
  await login(page, biz.users.manager, undefined, `/${biz.slug}/compras/lista-de-precios`);
  await expect(page.getByRole("heading", { name: "Lista de precios del proveedor" })).toBeVisible();
  await page.getByLabel("Proveedor").selectOption({ label: "Almacén Mayorista Norte" });

  const upload = async (csv: string) =>
    page.getByLabel("Archivo (CSV o Excel)").setInputFiles({ name: "lista.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf-8") });
  await upload(`codigo_barras;nombre;precio;unidades_por_bulto;precio_venta\n${a};Yerba mate 1 kg;"12.500,00";10;1900\n${b};Mate cocido x50;0;1;\n${a.slice(0, 12)}${(Number(a[12]) + 1) % 10};Dígito mal;10;1;\n`);
  await page.getByRole("button", { name: "Validar y ver cambios" }).click();
  const errors = page.getByRole("list", { name: "Errores por fila" });
  await expect(errors).toContainText("Fila 3 · precio: El precio debe ser un número mayor que cero");
  await expect(errors).toContainText("Fila 4 · codigo_barras");
  // With rejected rows the whole list cannot be applied; only the valid rows, as an explicit choice.
  await expect(page.getByRole("button", { name: "Aplicar lista" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Aplicar solo la fila válida" })).toBeEnabled();

  await upload(`codigo_barras;nombre;precio;unidades_por_bulto;precio_venta\n${a};Yerba mate 1 kg;"12.500,00";10;1900\n${b};Mate cocido x50;3200;1;\n`);
  await page.getByRole("button", { name: "Validar y ver cambios" }).click();
  await expect(page.getByRole("row", { name: new RegExp(a) })).toContainText("$ 1.250,00"); // 12 500 per pack of 10
  await expect(page.getByRole("row", { name: new RegExp(b) })).toContainText("nuevo");
  await page.getByRole("button", { name: "Aplicar lista" }).click();
  await page.getByRole("dialog", { name: "¿Aplicar la lista de precios?" }).getByRole("button", { name: "Aplicar" }).click();
  await expect(page.getByText("Lista aplicada: 0 productos actualizados y 2 creados.")).toBeVisible();

  // Re-validating the same file now shows both as existing, with no cost difference.
  await page.getByRole("button", { name: "Validar y ver cambios" }).click();
  await expect(page.getByRole("row", { name: new RegExp(a) })).toContainText(/0\s%/);
});

test("a cashier has no purchasing menu, is told so at the URL, and gets no payables alerts", async ({ page }) => {
  await login(page, biz.users.cashier, undefined, `/${biz.slug}/compras/pagos`);
  await expect(page.getByText("Tu rol no tiene acceso a compras")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Compras" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Notificaciones", exact: true })).toBeVisible(); // no unread count
});

test("a manager receives goods without an order: lot, expiry and a payable due in the supplier's terms", async ({ page }) => {
  await login(page, biz.users.manager, undefined, `/${biz.slug}/compras/ordenes`);
  await page.getByRole("link", { name: "Recepción sin orden" }).click();
  await expect(page.getByRole("heading", { name: "Recepción sin orden de compra" })).toBeVisible();
  await page.getByLabel("Proveedor").selectOption({ label: "Lácteos La Pradera SRL" });
  await page.getByLabel("Remito / factura").fill("R 0003-00099999");
  await page.getByLabel("Buscar productos").fill("manteca");
  await page.getByLabel("Producto de la línea 1").selectOption({ label: "Manteca 200 g (MAN-200)" });
  await page.getByLabel("Cantidad de la línea 1").fill("10");
  await page.getByLabel("Costo de la línea 1").fill("1450");
  await page.getByLabel("Lote de la línea 1").fill("MA-E2E");
  await expect(page.getByRole("button", { name: "Confirmar recepción" })).toBeDisabled(); // the product has expiry
  await page.getByLabel("Vencimiento de la línea 1").fill("2027-01-15");
  await expect(page.getByText("Total a pagar $ 14.500,00")).toBeVisible();
  await page.getByRole("button", { name: "Confirmar recepción" }).click();
  await expect(page.getByRole("heading", { name: "Cuenta a pagar · Lácteos La Pradera SRL" })).toBeVisible();
  await expect(page.getByText("Vence en 5 días.")).toBeVisible();
  await expect(page.getByText("R 0003-00099999")).toBeVisible();
});
