import { readFile } from "node:fs/promises";
import { login } from "./fixtures";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

test("the owner records the supplier's Factura A (two rates, IIBB) while receiving, exports the month's entries and downloads the VAT books", async ({ page }) => {
  const number = String(10000 + Math.floor(Math.random() * 89999));
  await login(page, biz.users.owner, undefined, `/${biz.slug}/compras/recepciones/nueva`);
  await expect(page.getByRole("heading", { name: "Recepción sin orden de compra" })).toBeVisible();
  await page.getByRole("combobox", { name: /^Proveedor/ }).selectOption({ label: "Distribuidora del Sur SA" });
  const product = page.getByLabel("Producto de la línea 1");
  await expect(product.locator("option").nth(1)).toBeAttached();
  await product.selectOption({ index: 1 });
  await page.getByLabel("Cantidad de la línea 1").fill("10");
  await page.getByLabel("Costo de la línea 1").fill("1200");
  await page.getByLabel("Lote de la línea 1").fill("E2E-ACC");
  await page.getByLabel("Vencimiento de la línea 1").fill("2030-01-31");

  await page.getByLabel(/Cargar la factura recibida/).check();
  const doc = page.getByRole("group", { name: "Comprobante del proveedor" });
  await doc.getByLabel("Tipo").selectOption({ label: "Factura A" });
  await doc.getByLabel("Punto de venta").fill("4");
  await doc.getByLabel("Número").fill(number);
  await doc.getByLabel("Neto al 21 %").fill("10.000");
  // IVA suggested from the net, as es-AR writes it.
  await expect(doc.getByLabel("IVA al 21 %")).toHaveValue("2.100");
  await doc.getByRole("button", { name: "Agregar alícuota" }).click();
  await doc.getByLabel("Neto al 10,5 %").fill("2.000");
  await expect(doc.getByLabel("IVA al 10,5 %")).toHaveValue("210");
  await doc.getByRole("button", { name: "Agregar percepción" }).click();
  await doc.getByLabel("Jurisdicción de la percepción 1").fill("902 Buenos Aires");
  await doc.getByLabel("Importe de la percepción 1").fill("300");
  await doc.getByLabel("Total del comprobante").fill("14.610");
  await expect(doc.getByText("Suma de los importes: $ 14.610,00")).toBeVisible();
  await page.getByRole("button", { name: "Confirmar recepción" }).click();

  // The payable is the invoice's total.
  await expect(page.getByRole("heading", { name: /Cuenta a pagar · Distribuidora del Sur SA/ })).toBeVisible();
  await expect(page.getByText("$ 14.610,00").first()).toBeVisible();

  // The month's entries: preview, export, download.
  await page.goto(`/${biz.slug}/contabilidad`);
  await page.getByRole("button", { name: "Vista previa" }).click();
  const totals = page.getByRole("table", { name: "Totales por cuenta" });
  await expect(totals.getByRole("row", { name: /Percepciones de IIBB sufridas/ })).toContainText("$ 300,00");
  await page.getByRole("button", { name: "Exportar estos asientos" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Exportar" }).click();
  await expect(page.getByText(/Exportación N° \d+/)).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar CSV" }).click()]);
  const text = await readFile((await csv.path())!, "utf8");
  expect(text).toContain(";1.1.07;Percepciones de IIBB sufridas;300,00;0,00;");
  expect(text).toContain(";2.1.01;Proveedores;0,00;14610,00;");
  // The same period again has nothing new.
  await page.getByRole("button", { name: "Vista previa" }).click();
  await expect(page.getByText("No hay asientos nuevos hasta esa fecha")).toBeVisible();

  // The VAT books: the purchase with its two rates.
  await page.goto(`/${biz.slug}/contabilidad/libro-iva`);
  await expect(page.getByText(/comprobantes de proveedores en el mes|comprobante de proveedores en el mes/)).toBeVisible();
  const [cbte] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar Compras: comprobantes" }).click()]);
  const bytes = await readFile((await cbte.path())!);
  const records = bytes.toString("latin1").split("\r\n").filter(Boolean);
  const mine = records.find((r) => r.slice(8, 36) === "001" + "00004" + number.padStart(20, "0"));
  expect(mine).toBeDefined();
  expect(mine).toHaveLength(325);
  expect(mine!.slice(104, 119)).toBe("000000001461000");
  const [alic] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar Compras: alícuotas" }).click()]);
  const alicRecords = (await readFile((await alic.path())!)).toString("latin1").split("\r\n").filter((r) => r.startsWith("001" + "00004" + number.padStart(20, "0")));
  expect(alicRecords.map((r) => r.slice(65, 69)).sort()).toEqual(["0004", "0005"]);
});
