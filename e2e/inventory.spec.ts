import { login } from "./fixtures";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

test("a manager creates a product, receives two lots, consumes to a room and sees stock and movements update", async ({ page }) => {
  const sku = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const name = `Chocolate e2e ${sku}`;
  await login(page, biz.users.manager, undefined, `/${biz.slug}/inventario`);
  await expect(page).toHaveURL(new RegExp(`/${biz.slug}/inventario$`));
  await expect(page.getByRole("heading", { name: "Inventario" })).toBeVisible();
  // The demo catalog is there (server-side search by name).
  await page.getByLabel("Buscar productos").fill("cacao");
  await expect(page.getByRole("link", { name: "Cacao amargo 400 g" })).toBeVisible();

  // Create: a field error first (zod, shown under the field), then a valid product.
  await page.getByRole("button", { name: "Nuevo producto" }).click();
  const dialog = page.getByRole("dialog", { name: "Nuevo producto" });
  await dialog.getByLabel("SKU").fill(sku);
  await dialog.getByLabel("Nombre").fill(name);
  await dialog.getByLabel("Precio de venta (con IVA)").fill("12,345");
  await dialog.getByRole("button", { name: "Crear producto" }).click();
  await expect(dialog.getByText("Precio de venta: usá un número con hasta 2 decimales")).toBeVisible();
  await dialog.getByLabel("Precio de venta (con IVA)").fill("3500");
  await dialog.getByLabel("Stock mínimo").fill("5");
  await dialog.getByLabel("Tiene vencimiento").check();
  await dialog.getByRole("button", { name: "Crear producto" }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel("Buscar productos").fill(sku);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("total-stock")).toHaveText("0 u");

  // Two lots; the second one expires sooner.
  for (const lot of [
    { qty: "10", cost: "1200", number: "LOTE-A", expires: "2027-08-01" },
    { qty: "4", cost: "1300", number: "LOTE-B", expires: "2027-03-01" },
  ]) {
    await page.getByRole("button", { name: "Ingresar stock" }).click();
    const d = page.getByRole("dialog", { name: "Ingresar stock" });
    await d.getByLabel("Cantidad").fill(lot.qty);
    await d.getByLabel("Costo unitario").fill(lot.cost);
    await d.getByLabel("Número de lote").fill(lot.number);
    await d.getByLabel(/Vencimiento/).fill(lot.expires);
    await d.getByRole("button", { name: "Ingresar" }).click();
    await expect(d).toBeHidden();
  }
  await expect(page.getByTestId("total-stock")).toHaveText("14 u");
  const lots = page.getByRole("table", { name: "Lotes" });
  await expect(lots.getByRole("row")).toHaveCount(3);
  // FEFO order: LOTE-B (expires first) on top.
  await expect(lots.getByRole("row").nth(1)).toContainText("LOTE-B");

  // Consume 3 to room HAB-502: FEFO takes LOTE-B first.
  await page.getByRole("button", { name: "Registrar consumo" }).click();
  const c = page.getByRole("dialog", { name: "Registrar consumo" });
  await c.getByLabel("Cantidad").fill("3");
  await c.getByLabel("Destino").selectOption("ROOM");
  await c.getByRole("textbox", { name: "Habitación" }).fill("HAB-502");
  await c.getByRole("button", { name: "Registrar consumo" }).click();
  await expect(c).toBeHidden();

  await expect(page.getByTestId("total-stock")).toHaveText("11 u");
  await expect(lots.getByRole("row").nth(1)).toContainText("LOTE-B");
  await expect(lots.getByRole("row").nth(1)).toContainText("1 / 4");
  const movements = page.getByRole("table", { name: "Movimientos del producto" });
  await expect(movements.getByRole("row")).toHaveCount(4);
  await expect(movements.getByRole("row").nth(1)).toContainText("Consumo");
  await expect(movements.getByRole("row").nth(1)).toContainText("Habitación · HAB-502");
  await expect(movements.getByRole("row").nth(1)).toContainText("14 → 11");

  // The ledger page filters by reference.
  await page.getByRole("link", { name: "Movimientos", exact: true }).click();
  await page.getByLabel("Referencia").fill("HAB-502");
  // Only the consumption to HAB-502 remains of this product's three movements.
  await expect(page.getByRole("cell", { name: `${name} (${sku})` })).toHaveCount(1);
  await expect(page.getByRole("cell", { name: "Habitación · HAB-502" }).first()).toBeVisible();
});

test("the owner sees families in base units, packs, categories, warehouses and valuation", async ({ page }) => {
  await login(page, biz.users.owner, undefined, `/${biz.slug}/inventario/familias`);
  await expect(page.getByRole("heading", { name: "Familias de productos" })).toBeVisible();
  // Cocoa: 8 × 400 g + 5 × 900 g + 2 × 2,5 kg = 12.700 g against a 20.000 g target.
  await expect(page.getByText("12.700 g")).toBeVisible();
  await expect(page.getByText("Objetivo 20.000 g")).toBeVisible();

  await page.getByRole("link", { name: "Packs", exact: true }).click();
  await expect(page.getByRole("cell", { name: "Agua mineral sin gas 500 ml x6", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "6 × Agua mineral sin gas 500 ml" })).toBeVisible();

  await page.getByRole("link", { name: "Categorías", exact: true }).click();
  await expect(page.getByText("Aguas y gaseosas")).toBeVisible();

  await page.getByRole("link", { name: "Depósitos", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Cocina" })).toBeVisible();

  await page.getByRole("link", { name: "Valorización", exact: true }).click();
  const table = page.getByRole("table", { name: "Valorización" });
  await expect(table.getByRole("row", { name: /Depósito principal/ })).toBeVisible();
  await page.getByLabel("Agrupar por").selectOption("family");
  await expect(table.getByRole("row", { name: /Cacao en polvo/ })).toContainText("12.700");

  // Low-stock filter on the products table: the detergent (1, minimum 2) is below its
  // minimum; the 900 g cocoa (5, minimum 2) is not.
  await page.getByRole("link", { name: "Productos", exact: true }).click();
  await page.getByLabel("Stock bajo").check();
  await expect(page.getByRole("link", { name: "Detergente concentrado 5 l" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cacao amargo 900 g" })).toHaveCount(0);
});
