import { expect, test } from "@playwright/test";
import { DEMO_USERS, login } from "./fixtures";

test.describe("Facturación AFIP", () => {
  test("the owner sees the fiscal settings with the certificate loaded and CUIT validation", async ({ page }) => {
    await login(page, DEMO_USERS.owner, undefined, "/demo/fiscal");
    await expect(page.getByRole("heading", { name: "Facturación AFIP" })).toBeVisible();
    await page.getByRole("link", { name: "Configuración fiscal" }).click();
    await expect(page.getByRole("heading", { name: "Datos del emisor" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: /^CUIT/ })).toHaveValue("30-71234567-1");
    await expect(page.getByText(/Certificado cargado/)).toBeVisible();
    await expect(page.getByText(/Clave privada guardada cifrada/)).toBeVisible();
    // The key never comes back: no PEM private key anywhere in the page.
    expect(await page.content()).not.toContain("PRIVATE KEY");
    await page.getByRole("textbox", { name: /^CUIT/ }).fill("30-71234567-2");
    await expect(page.getByText("CUIT inválido (revisá el dígito verificador)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Guardar datos" })).toBeDisabled();
    await expect(page.getByText("0001 · Caja 1")).toBeVisible();
  });

  test("a cashier sees documents but not the fiscal settings", async ({ page }) => {
    await login(page, DEMO_USERS.cashier, undefined, "/demo/fiscal");
    await expect(page.getByRole("heading", { name: "Facturación AFIP" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Configuración fiscal" })).toHaveCount(0);
    await page.goto("/demo/fiscal/configuracion");
    await expect(page.getByText("Solo el dueño o un administrador puede cambiar la configuración fiscal")).toBeVisible();
  });
});
