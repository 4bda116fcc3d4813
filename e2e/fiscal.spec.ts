import { formatCuit } from "../src/lib/cuit";
import { login } from "./fixtures";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

test.describe("Facturación ARCA (ex AFIP)", () => {
  test("the owner sees the fiscal settings with the certificate loaded and CUIT validation", async ({ page }) => {
    await login(page, biz.users.owner, undefined, `/${biz.slug}/fiscal`);
    await expect(page.getByRole("heading", { name: "Facturación ARCA (ex AFIP)" })).toBeVisible();
    await page.getByRole("link", { name: "Configuración fiscal" }).click();
    await expect(page.getByRole("heading", { name: "Datos del emisor" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: /^CUIT/ })).toHaveValue(formatCuit(biz.cuit));
    await expect(page.getByText(/Certificado cargado/)).toBeVisible();
    await expect(page.getByText(/clave privada está guardada cifrada/)).toBeVisible();
    // The key never comes back: no PEM private key anywhere in the page.
    expect(await page.content()).not.toContain("PRIVATE KEY");
    await page.getByRole("textbox", { name: /^CUIT/ }).fill("30-71234567-2");
    await expect(page.getByText("CUIT inválido (revisá el dígito verificador)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Guardar datos" })).toBeDisabled();
    await expect(page.getByText("0001 · Caja 1")).toBeVisible();
  });

  test("a cashier sees documents but not the fiscal settings", async ({ page }) => {
    await login(page, biz.users.cashier, undefined, `/${biz.slug}/fiscal`);
    await expect(page.getByRole("heading", { name: "Facturación ARCA (ex AFIP)" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Configuración fiscal" })).toHaveCount(0);
    await page.goto(`/${biz.slug}/fiscal/configuracion`);
    await expect(page.getByText("Solo el dueño o un administrador puede cambiar la configuración fiscal")).toBeVisible();
  });
});

test("a sale on the fiscal register commits at once and its invoice waits as Pendiente without Inngest", async ({ page, browser }) => {
  await login(page, biz.users.cashier, undefined, `/${biz.slug}/pos`);
  // The option reads "… (abierta)" once a session is open on it.
  const caja = page.getByLabel("Caja", { exact: true });
  await caja.selectOption((await caja.locator("option", { hasText: "Caja 3 · Factura electrónica" }).getAttribute("value"))!);
  const openButton = page.getByRole("button", { name: "Abrir caja" });
  await expect(openButton.or(page.getByLabel("Código de barras o nombre"))).toBeVisible();
  if (await openButton.isVisible()) {
    await page.getByLabel(/Fondo inicial/).fill("5000");
    await openButton.click();
  }
  await expect(page.getByRole("heading", { name: "Punto de venta · Caja 3 · Factura electrónica" })).toBeVisible();
  const input = page.getByLabel("Código de barras o nombre");
  await input.fill("7790895000997"); // gaseosa cola, $ 1.900 in the demo catalog
  await input.press("Enter");
  await expect(page.getByTestId("pos-total")).toHaveText(/1\.900,00/);
  await page.keyboard.press("F9");
  const dialog = page.getByRole("dialog", { name: "Cobrar" });
  await dialog.getByLabel("Importe Efectivo").fill("2000");
  await dialog.getByRole("button", { name: /Confirmar venta/ }).click();
  await expect(page.getByText(/Venta registrada: ticket N° \d+/)).toBeVisible();

  // Cashiers do not list fiscal documents (SPEC §2): the owner looks. The terminal may hand the
  // sale to its sync queue first: reload until the document is listed.
  const owner = await (await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires" })).newPage();
  await login(owner, biz.users.owner, undefined, `/${biz.slug}/fiscal`);
  const row = owner.getByRole("row").filter({ hasText: "Factura B 0003-(sin número)" }).first();
  await expect(async () => {
    await owner.goto(`/${biz.slug}/fiscal`);
    await expect(row).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 40_000 });
  await expect(row).toContainText("Pendiente");
  await expect(row).toContainText("1.900,00");
  await expect(owner.getByText(/pendiente.* de emisión/)).toBeVisible();
});
