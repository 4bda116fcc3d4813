import { test, expect, type Page } from "@playwright/test";
import { uniqueSlug } from "./fixtures";
import { signUpBusiness } from "./mail";
import { makeCuit } from "../src/lib/cuit";

// Issue 14 items 4 and 5: a new business's first steps, and editing each catalog entity.
// Each test signs up its own business, so nothing here depends on the shared demo data.

async function signUp(page: Page, prefix: string) {
  const slug = uniqueSlug(prefix);
  // Sign-up creates nothing until the mailed link is followed (issue 11): the shared helper
  // reads the link from the outbox and chooses the password there.
  await signUpBusiness(page, { business: `Almacén ${slug}`, kind: "RETAIL", slug, owner: "Dueña Nueva", email: `${slug}@e2e.test`, password: "clave-segura-1" });
  return slug;
}

async function shoot(page: Page, name: string) {
  for (const [w, h] of [
    [1366, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways at ${w} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`${name}-${w}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 800 });
}

async function createProduct(page: Page, slug: string, sku: string, name: string) {
  await page.goto(`/${slug}/inventario`);
  await page.getByRole("button", { name: "Nuevo producto" }).click();
  const dialog = page.getByRole("dialog", { name: "Nuevo producto" });
  await dialog.getByLabel("SKU").fill(sku);
  await dialog.getByLabel("Nombre").fill(name);
  await dialog.getByLabel("Precio de venta (con IVA)").fill("1.500");
  await dialog.getByRole("button", { name: "Crear producto" }).click();
  await expect(dialog).toBeHidden();
}

async function receive(page: Page, slug: string, name: string, quantity: string) {
  await page.goto(`/${slug}/inventario`);
  await page.getByLabel("Buscar productos").fill(name);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Ingresar stock" }).click();
  const d = page.getByRole("dialog", { name: "Ingresar stock" });
  await d.getByLabel("Cantidad").fill(quantity);
  await d.getByLabel("Costo unitario").fill("800");
  await d.getByRole("button", { name: "Ingresar" }).click();
  await expect(d).toBeHidden();
}

const step = (page: Page, key: string) => page.locator(`[data-step="${key}"]`);

test("a new business follows its first steps; they tick themselves off and can be hidden", async ({ page }) => {
  test.setTimeout(180_000);
  const slug = await signUp(page, "primeros");
  const checklist = page.getByRole("region", { name: "Primeros pasos" });
  await expect(checklist).toBeVisible();
  await expect(checklist.getByText("1 de 6 listos")).toBeVisible(); // the register comes with the business
  await expect(step(page, "register")).toHaveAttribute("data-done", "true");
  await expect(step(page, "business")).toHaveAttribute("data-done", "false");
  await shoot(page, "home-first-steps");

  // Business data, from the checklist's own link.
  await step(page, "business").getByRole("link", { name: "Completar datos" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/configuracion$`));
  await page.getByLabel("Razón social").fill("Almacén Nuevo SRL");
  await page.getByLabel("CUIT").fill("30-12345678-0");
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.getByText("CUIT inválido (revisá el dígito verificador)")).toBeVisible();
  await page.getByLabel("CUIT").fill(makeCuit("30", "71234567")!);
  await page.getByLabel("Domicilio").fill("San Martín 123, Rosario");
  await page.getByLabel(/Condición frente al IVA/).selectOption("RESPONSABLE_INSCRIPTO");
  await page.getByLabel("Zona horaria").selectOption("America/Argentina/Cordoba");
  await page.getByLabel(/Avisar vencimientos/).fill("30");
  await page.getByLabel("Permitir vender sin stock").check();
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.getByText("Datos guardados.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Razón social")).toHaveValue("Almacén Nuevo SRL");
  await expect(page.getByLabel("Zona horaria")).toHaveValue("America/Argentina/Cordoba");
  await expect(page.getByLabel(/Avisar vencimientos/)).toHaveValue("30");
  await expect(page.getByLabel("Permitir vender sin stock")).toBeChecked();
  await shoot(page, "business-settings");

  // First product, then stock: each step ticks itself from what was really done.
  await createProduct(page, slug, `YER-${Date.now().toString(36)}`, "Yerba 1 kg");
  await page.goto(`/${slug}`);
  await expect(step(page, "business")).toHaveAttribute("data-done", "true");
  await expect(step(page, "products")).toHaveAttribute("data-done", "true");
  await expect(step(page, "stock")).toHaveAttribute("data-done", "false");
  await receive(page, slug, "Yerba 1 kg", "10.000");
  await page.goto(`/${slug}`);
  await expect(checklist.getByText("4 de 6 listos")).toBeVisible();
  await expect(step(page, "sale").getByRole("link", { name: "Abrir el punto de venta" })).toHaveAttribute("href", `/${slug}/pos`);
  await expect(step(page, "invoicing").getByRole("link", { name: "Configurar" })).toHaveAttribute("href", `/${slug}/fiscal/configuracion`);

  await checklist.getByRole("button", { name: "Ocultar" }).click();
  await expect(checklist).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Tablero" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Primeros pasos" })).toHaveCount(0);
});

test("categories, families, packs and warehouses are edited and deactivated; a breakage leaves stock", async ({ page }) => {
  test.setTimeout(480_000);
  const slug = await signUp(page, "catalogo");

  // Categories: rename, move, deactivate (asks first).
  await page.goto(`/${slug}/inventario/categorias`);
  for (const [name, parent] of [
    ["Bebidas", ""],
    ["Aguas", "Bebidas"],
  ] as const) {
    await page.getByRole("button", { name: "Nueva categoría" }).click();
    const d = page.getByRole("dialog", { name: "Nueva categoría" });
    await d.getByLabel("Nombre").fill(name);
    if (parent) await d.getByLabel("Dentro de").selectOption({ label: parent });
    await d.getByRole("button", { name: "Guardar" }).click();
    await expect(d).toBeHidden();
  }
  await page.getByRole("button", { name: "Editar Bebidas" }).click();
  const editCat = page.getByRole("dialog", { name: "Editar «Bebidas»" });
  // Its own subcategory is not offered as a parent (the database refuses a loop anyway).
  await expect(editCat.getByLabel("Dentro de").locator("option")).toHaveText(["(Categoría principal)"]);
  await editCat.getByLabel("Nombre").fill("Bebidas sin alcohol");
  await editCat.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(editCat).toBeHidden();
  await page.getByRole("button", { name: "Editar Aguas" }).click();
  const editAguas = page.getByRole("dialog", { name: "Editar «Aguas»" });
  await editAguas.getByLabel("Dentro de").selectOption({ label: "(Categoría principal)" });
  await editAguas.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(editAguas).toBeHidden();
  await page.getByRole("button", { name: "Desactivar Aguas" }).click();
  await page.getByRole("dialog", { name: "¿Desactivar «Aguas»?" }).getByRole("button", { name: "Desactivar" }).click();
  const aguas = page.getByRole("listitem").filter({ hasText: "Aguas" });
  await expect(aguas.getByText("Inactiva")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Bebidas sin alcohol" })).toBeVisible();
  await shoot(page, "categories");

  // Families: target typed es-AR style ("10.000" is ten thousand).
  await page.goto(`/${slug}/inventario/familias`);
  await page.getByRole("button", { name: "Nueva familia" }).click();
  const nf = page.getByRole("dialog", { name: "Nueva familia" });
  await nf.getByLabel("Nombre").fill("Cacao");
  await nf.getByLabel(/Stock objetivo/).fill("10.000");
  await nf.getByRole("button", { name: "Guardar" }).click();
  await expect(nf).toBeHidden();
  await expect(page.getByText("Objetivo 10.000 g")).toBeVisible();
  await page.getByRole("button", { name: "Editar Cacao" }).click();
  const ef = page.getByRole("dialog", { name: "Editar «Cacao»" });
  await expect(ef.getByLabel(/Stock objetivo/)).toHaveValue("10.000");
  await ef.getByLabel("Nombre").fill("Cacao amargo");
  await ef.getByLabel(/Stock objetivo/).fill("12.500,5");
  await ef.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(ef).toBeHidden();
  await expect(page.getByText("Objetivo 12.500,5 g")).toBeVisible();
  await page.getByRole("button", { name: "Desactivar Cacao amargo" }).click();
  await page.getByRole("dialog", { name: "¿Desactivar «Cacao amargo»?" }).getByRole("button", { name: "Desactivar" }).click();
  await expect(page.getByText(/Inactiva: fuera de las sugerencias/)).toBeVisible();
  await shoot(page, "families");

  // Packs: units and auto-unpack, then removal (asks first).
  const tag = Date.now().toString(36);
  await createProduct(page, slug, `AG6-${tag}`, "Agua x6");
  await createProduct(page, slug, `AG1-${tag}`, "Agua 500");
  await page.goto(`/${slug}/inventario/packs`);
  await page.getByRole("button", { name: "Nuevo pack" }).click();
  const np = page.getByRole("dialog", { name: "Nuevo pack" });
  await np.getByLabel("Pack (producto que contiene)").selectOption({ label: "Agua x6" });
  await np.getByLabel("Unidad (producto contenido)").selectOption({ label: "Agua 500" });
  await np.getByLabel("Unidades por pack").fill("6");
  await np.getByRole("button", { name: "Guardar" }).click();
  await expect(np).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: "Agua x6" });
  await expect(row).toContainText("6 × Agua 500");
  await row.getByRole("button", { name: "Editar Agua x6" }).click();
  const ep = page.getByRole("dialog", { name: "Editar pack «Agua x6»" });
  await ep.getByLabel(/Unidades de «Agua 500» por pack/).fill("12");
  await ep.getByLabel(/Desarmar automáticamente/).uncheck();
  await ep.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(ep).toBeHidden();
  await expect(row).toContainText("12 × Agua 500");
  await expect(row.getByRole("cell", { name: "No", exact: true })).toBeVisible();
  await shoot(page, "packs");
  await row.getByRole("button", { name: "Quitar Agua x6" }).click();
  await page.getByRole("dialog", { name: "¿Quitar el pack «Agua x6»?" }).getByRole("button", { name: "Quitar pack" }).click();
  await expect(page.getByText("No hay packs")).toBeVisible();

  // Warehouses: rename, deactivate an empty one (asks first).
  await page.goto(`/${slug}/inventario/depositos`);
  await page.getByRole("button", { name: "Nuevo depósito" }).click();
  const nw = page.getByRole("dialog", { name: "Nuevo depósito" });
  await nw.getByLabel("Nombre").fill("Cocina");
  await nw.getByRole("button", { name: "Guardar" }).click();
  await expect(nw).toBeHidden();
  await page.getByRole("button", { name: "Renombrar Cocina" }).click();
  const rw = page.getByRole("dialog", { name: "Renombrar «Cocina»" });
  await rw.getByLabel("Nombre").fill("Cocina central");
  await rw.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(rw).toBeHidden();
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Cocina central" }) });
  await card.getByRole("button", { name: "Desactivar" }).click();
  await page.getByRole("dialog", { name: "¿Desactivar «Cocina central»?" }).getByRole("button", { name: "Desactivar" }).click();
  await expect(card.getByText("Desactivado")).toBeVisible();
  await shoot(page, "warehouses");

  // Breakage: 3 of 12 units leave with their reason, after a confirmation.
  await receive(page, slug, "Agua 500", "12");
  await page.goto(`/${slug}/inventario/bajas`);
  await page.getByLabel("Buscar producto").fill("Agua 500");
  await page.getByRole("combobox", { name: "Producto", exact: true }).selectOption({ label: "Agua 500 (12 en stock)" });
  await page.getByLabel("Cantidad").fill("3");
  await page.getByLabel("Motivo").selectOption("Rotura");
  await page.getByLabel(/Detalle/).fill("se cayó el pack");
  await page.getByRole("button", { name: "Dar de baja" }).click();
  const confirm = page.getByRole("dialog", { name: "¿Dar de baja 3 de «Agua 500»?" });
  await expect(confirm).toContainText("Rotura: se cayó el pack");
  await confirm.getByRole("button", { name: "Dar de baja" }).click();
  await expect(page.getByText(/Baja registrada\. Costo de lo que salió: \$\s?2\.400,00/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Rotura: se cayó el pack" })).toBeVisible();
  await shoot(page, "write-off");
  await expect(page.getByRole("combobox", { name: "Producto", exact: true }).locator("option", { hasText: "Agua 500 (9 en stock)" })).toHaveCount(1);
});
