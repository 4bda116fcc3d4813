import { test, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, login } from "./fixtures";

// Demo catalog barcodes (inventory seeder): cola 1.900, chocolate 3.500, leche 1.500 → 6.900.
const COLA = "7790895000997";
const CHOCOLATE = "7790407031220";
const LECHE = "7790742000017";

/** Picks a register in the chooser ("Caja 2" or "Caja 2 (abierta)"). */
async function chooseRegister(page: Page, name: string) {
  const chooser = page.getByLabel("Caja", { exact: true });
  const value = await chooser.locator("option", { hasText: new RegExp(`^${name}( |$)`) }).getAttribute("value");
  await chooser.selectOption(value!);
}

async function scan(page: Page, code: string) {
  const input = page.getByLabel("Código de barras o nombre");
  await input.fill(code);
  await input.press("Enter");
}

test("cashier rings a sale by barcode, prints it, a supervisor voids it, blind close, supervisor justifies", async ({ browser }) => {
  const cashierCtx = await browser.newContext();
  const page = await cashierCtx.newPage();
  await login(page, DEMO_USERS.cashier, DEMO_PASSWORD, "/demo/pos");
  await expect(page).toHaveURL(/\/demo\/pos$/);

  // Caja 2 (seeded for the POS) so other specs using Caja 1 never interfere.
  await chooseRegister(page, "Caja 2");
  const openButton = page.getByRole("button", { name: "Abrir caja" });
  await expect(openButton.or(page.getByLabel("Código de barras o nombre"))).toBeVisible();
  if (await openButton.isVisible()) {
    await page.getByLabel(/Fondo inicial/).fill("10000");
    await openButton.click();
  }
  await expect(page.getByRole("heading", { name: "Punto de venta · Caja 2" })).toBeVisible();

  // Unknown code: a plain Spanish error, nothing added.
  await scan(page, "0000000000000");
  await expect(page.getByRole("alert").filter({ hasText: "No encontramos" })).toContainText("No encontramos ningún producto con «0000000000000»");

  await scan(page, COLA);
  await expect(page.getByRole("row", { name: /Gaseosa cola/ })).toBeVisible();
  await scan(page, CHOCOLATE);
  await expect(page.getByRole("row", { name: /Chocolate con almendras/ })).toBeVisible();
  await scan(page, LECHE);
  await expect(page.getByRole("row", { name: /Leche entera/ })).toBeVisible();
  await expect(page.getByTestId("pos-total")).toHaveText(/6\.900,00/);

  // F9: pay 3.900 by debit and 5.000 cash → change 2.000.
  await page.keyboard.press("F9");
  const dialog = page.getByRole("dialog", { name: "Cobrar" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Importe Efectivo").fill("3000");
  await dialog.getByRole("button", { name: /\+ Débito/ }).click();
  await expect(dialog.getByLabel("Importe Débito")).toHaveValue("3900,00");
  await dialog.getByLabel("Importe Efectivo").fill("5000");
  await expect(dialog.getByTestId("payment-change")).toHaveText(/2\.000,00/);
  await dialog.getByRole("button", { name: /Confirmar venta/ }).click();
  await expect(page.getByText(/Venta registrada: ticket N° \d+\. Vuelto \$\s?2\.000,00/)).toBeVisible();

  // Print view.
  await page.getByRole("link", { name: "Ver e imprimir ticket" }).click();
  const ticket = page.getByTestId("ticket");
  await expect(ticket).toContainText("Gaseosa cola lata 354 ml");
  await expect(ticket).toContainText("Chocolate con almendras 50 g");
  await expect(ticket).toContainText("Leche entera 1 l");
  await expect(page.getByTestId("ticket-total")).toHaveText(/6\.900,00/);
  await expect(ticket).toContainText("Débito");
  await expect(ticket).toContainText("Vuelto");
  await page.getByRole("link", { name: "Volver al punto de venta" }).click();
  await expect(page.getByRole("heading", { name: "Punto de venta · Caja 2" })).toBeVisible();

  // Void with the supervisor's credentials on the cashier's screen (a wrong password first).
  await page.keyboard.press("F8");
  const voidDialog = page.getByRole("dialog", { name: /Anular ticket/ });
  await voidDialog.getByLabel("Motivo").fill("El cliente se arrepintió");
  await voidDialog.getByLabel("E-mail del supervisor").fill(DEMO_USERS.supervisor);
  await voidDialog.getByLabel("Contraseña del supervisor").fill("incorrecta");
  await voidDialog.getByRole("button", { name: "Autorizar y anular" }).click();
  await expect(voidDialog.getByRole("alert")).toHaveText("Usuario o contraseña de supervisor incorrectos.");
  await voidDialog.getByLabel("Contraseña del supervisor").fill(DEMO_PASSWORD);
  await voidDialog.getByRole("button", { name: "Autorizar y anular" }).click();
  await expect(voidDialog.getByText(/anulado\. Autorizó: Supervisora Demo/)).toBeVisible();
  await voidDialog.getByRole("button", { name: "Listo" }).click();

  // Blind close: no expected figure anywhere before declaring; declare far less than expected.
  await page.keyboard.press("F10");
  const closeDialog = page.getByRole("dialog", { name: /Cerrar caja/ });
  await expect(closeDialog).toBeVisible();
  await expect(closeDialog.getByText(/Esperado/)).toHaveCount(0);
  await closeDialog.getByLabel("Efectivo contado").fill("1000");
  await closeDialog.getByRole("button", { name: "Declarar y cerrar caja" }).click();
  const result = closeDialog.getByTestId("closing-result");
  await expect(result).toContainText("Crítico");
  await expect(result).toContainText("pendiente de justificación");
  await closeDialog.getByRole("button", { name: "Listo" }).click();
  await expect(page.getByRole("button", { name: "Abrir caja" })).toBeVisible();
  await cashierCtx.close();

  // The supervisor sees expected vs declared and justifies the critical session.
  const supCtx = await browser.newContext();
  const sup = await supCtx.newPage();
  await login(sup, DEMO_USERS.supervisor, DEMO_PASSWORD, "/demo/caja");
  await expect(sup.getByRole("heading", { name: "Cajas y arqueos" })).toBeVisible();
  const row = sup.getByRole("row").filter({ hasText: "Caja 2" }).filter({ hasText: "Pendiente de justificación" }).first();
  await expect(row).toContainText("Crítico");
  await expect(row).toContainText("1.000,00");
  await row.getByRole("button", { name: "Justificar" }).click();
  const j = sup.getByRole("dialog", { name: "Justificar desvío crítico" });
  await j.getByLabel("Justificación").fill("Retiro para pagar al proveedor de hielo sin registrar");
  await j.getByRole("button", { name: "Guardar justificación" }).click();
  await expect(j).toBeHidden();
  await expect(sup.getByRole("row").filter({ hasText: "Caja 2" }).filter({ hasText: "Justificado" }).first()).toBeVisible();
  // The voided sale is listed as such.
  await expect(sup.getByRole("table", { name: "Ventas" }).getByRole("row").filter({ hasText: "Anulada" }).first()).toBeVisible();
  await supCtx.close();
});

test("the public price checker answers without login and reveals only name and price", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/precio/demo");
  await page.getByLabel("Código de barras").fill(COLA);
  await page.getByLabel("Código de barras").press("Enter");
  const result = page.getByTestId("price-result");
  await expect(result).toContainText("Gaseosa cola lata 354 ml");
  await expect(result).toContainText(/1\.900,00/);
  await expect(page.getByText(/stock|lote|costo/i)).toHaveCount(0);
  await page.goto(`/precio/demo?codigo=999999`);
  await expect(page.getByTestId("price-result")).toContainText("No encontramos ese código");
  const res = await page.goto("/precio/no-existe-este-negocio");
  expect(res?.status()).toBe(404);
  await ctx.close();
});

test("keyboard: name search, quantity and discounts, insufficient stock in plain words", async ({ page }) => {
  await login(page, DEMO_USERS.cashier, DEMO_PASSWORD, "/demo/pos");
  await chooseRegister(page, "Caja 2");
  const openButton = page.getByRole("button", { name: "Abrir caja" });
  await expect(openButton.or(page.getByLabel("Código de barras o nombre"))).toBeVisible();
  if (await openButton.isVisible()) {
    await page.getByLabel(/Fondo inicial/).fill("5000");
    await openButton.click();
  }
  await scan(page, "alfajor");
  await expect(page.getByRole("row", { name: /Alfajor de dulce de leche/ })).toBeVisible();
  await expect(page.getByTestId("pos-total")).toHaveText(/1\.800,00/);
  await page.keyboard.press("F2");
  await expect(page.getByLabel("Cantidad de Alfajor de dulce de leche")).toBeFocused();
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("pos-total")).toHaveText(/5\.400,00/);
  await expect(page.getByLabel("Código de barras o nombre")).toBeFocused();
  await page.keyboard.press("F4");
  await page.keyboard.type("400");
  await page.keyboard.press("Enter");
  // Right away, as a fast cashier would: the deferred return to the scan field must not steal
  // the focus F6 just gave the ticket discount.
  await page.keyboard.press("F6");
  await page.keyboard.type("1000");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("pos-total")).toHaveText(/4\.000,00/);

  // More than there is: the server refuses with the product and the quantities.
  await page.getByLabel("Cantidad de Alfajor de dulce de leche").fill("999");
  await page.keyboard.press("F9");
  await page.getByRole("dialog", { name: "Cobrar" }).getByRole("button", { name: /Confirmar venta/ }).click();
  await expect(page.getByRole("dialog", { name: "Cobrar" }).getByRole("alert")).toContainText(/Stock insuficiente de «Alfajor de dulce de leche»/);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Quitar Alfajor de dulce de leche" }).click();
  await expect(page.getByText("Escaneá un producto para empezar la venta.")).toBeVisible();

  // A scanner fires codes back to back: none is dropped while the previous lookup runs.
  const input = page.getByLabel("Código de barras o nombre");
  for (const code of [COLA, CHOCOLATE, COLA]) {
    await input.fill(code);
    await input.press("Enter");
  }
  await expect(page.getByLabel("Cantidad de Gaseosa cola lata 354 ml")).toHaveValue("2");
  await expect(page.getByTestId("pos-total")).toHaveText(/7\.300,00/);
  await page.getByRole("button", { name: "Quitar Gaseosa cola lata 354 ml" }).click();
  await page.getByRole("button", { name: "Quitar Chocolate con almendras 50 g" }).click();
  await expect(page.getByText("Escaneá un producto para empezar la venta.")).toBeVisible();
});
