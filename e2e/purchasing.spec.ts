import { test, expect } from "@playwright/test";
import { DEMO_USERS, login } from "./fixtures";

test("a manager turns the cocoa suggestion into a purchase order, receives it with lot and expiry, and sees the payable due-soon alert", async ({ page }) => {
  await login(page, DEMO_USERS.manager, undefined, "/demo/compras/sugerencias");
  await expect(page).toHaveURL(/\/demo\/compras\/sugerencias$/);
  await expect(page.getByRole("heading", { name: "Sugerencias de reposición" })).toBeVisible();

  // The cocoa family: 20 000 g target − (8 × 400 + 5 × 900 + 2 × 2500) g = 7300 g, in whole bags of each size.
  const cocoa = page.getByTestId("suggestion-Cacao en polvo");
  await expect(cocoa).toContainText("7300 g de cacao en polvo ≈ 3 × 2500 g o 9 × 900 g o 19 × 400 g");

  // Only the cocoa, in 900 g bags, edited quantity, from its usual supplier.
  await page.getByRole("button", { name: "ninguna" }).click();
  await cocoa.getByLabel("Elegir Cacao en polvo").check();
  const presentation = cocoa.getByLabel("Presentación de Cacao en polvo");
  const bag900 = await presentation.locator("option", { hasText: "Cacao amargo 900 g" }).getAttribute("value");
  await presentation.selectOption(bag900!);
  await expect(cocoa.getByLabel("Cantidad de Cacao en polvo")).toHaveValue("9");
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
  await expect(page.getByText("Enviada", { exact: true })).toBeVisible();
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
  await expect(panel.getByText("Pago por vencer: Distribuidora del Sur SA vence en 7 días")).toBeVisible();

  // The received lot is in the inventory (the order is closed).
  await page.goto("/demo/compras/ordenes");
  await expect(page.getByRole("row", { name: /Distribuidora del Sur SA/ }).first()).toContainText("Recibida");
  await page.goto("/demo/compras/pagos");
  await expect(page.getByRole("row", { name: /Distribuidora del Sur SA/ })).toContainText("Vence pronto");
});
