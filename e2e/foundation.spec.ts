import { test, expect, type Page } from "@playwright/test";
import { login, uniqueSlug } from "./fixtures";
import { signUpBusiness } from "./mail";

async function signUp(page: Page, business: string, slug: string, email: string) {
  await signUpBusiness(page, { business, kind: "RESTAURANT", slug, owner: `Dueño de ${business}`, email, password: "clave-segura-1" });
  await expect(page.getByRole("combobox", { name: "Cambiar de negocio" })).toHaveValue(slug);
}

test("two businesses sign up and each sees only its own team", async ({ browser }) => {
  test.setTimeout(150_000);
  const a = { name: "Parrilla Uno", slug: uniqueSlug("parrilla"), email: `a-${Date.now()}@e2e.test` };
  const b = { name: "Hostería Dos", slug: uniqueSlug("hosteria"), email: `b-${Date.now()}@e2e.test` };

  const ctxA = await browser.newContext();
  const pageA = await ctxA.newPage();
  await signUp(pageA, a.name, a.slug, a.email);
  await pageA.goto(`/${a.slug}/equipo`);
  await pageA.getByRole("button", { name: "Invitar persona" }).click();
  const cashierEmail = `cajera-${Date.now()}@e2e.test`;
  await pageA.getByLabel("E-mail").fill(cashierEmail);
  await pageA.getByLabel("Rol").selectOption("CASHIER");
  await pageA.getByRole("button", { name: "Invitar", exact: true }).click();
  const link = await pageA.getByLabel("Enlace de invitación").inputValue();
  // The invitee accepts by creating their account (an invitation never attaches anyone by itself).
  const ctxC = await browser.newContext();
  const pageC = await ctxC.newPage();
  await pageC.goto(new URL(link).pathname);
  await pageC.getByLabel("Tu nombre").fill("Cajera de Uno");
  await pageC.getByLabel("Contraseña").fill("cajera-123");
  await pageC.getByRole("button", { name: "Crear cuenta y aceptar" }).click();
  await expect(pageC.getByText(/Listo/)).toBeVisible();
  await ctxC.close();
  await pageA.keyboard.press("Escape");
  await pageA.reload();
  await expect(pageA.getByRole("main").getByText("Cajera de Uno")).toBeVisible();

  const ctxB = await browser.newContext();
  const pageB = await ctxB.newPage();
  await signUp(pageB, b.name, b.slug, b.email);
  await pageB.goto(`/${b.slug}/equipo`);
  await expect(pageB.getByRole("main").getByText(`Dueño de ${b.name}`)).toBeVisible();
  await expect(pageB.getByRole("main").getByText("Cajera de Uno")).toHaveCount(0);

  // B cannot open A's business even knowing its address.
  await pageB.goto(`/${a.slug}`);
  await expect(pageB.getByRole("heading", { name: "No encontramos esa página" })).toBeVisible();
  // B's businesses list shows only B.
  await pageB.goto("/negocios");
  await expect(pageB.getByRole("link", { name: new RegExp(b.name) })).toBeVisible();
  await expect(pageB.getByRole("link", { name: new RegExp(a.name) })).toHaveCount(0);
  await ctxA.close();
  await ctxB.close();
});

test("a wrong password shows a clear error", async ({ page }) => {
  await page.goto("/ingresar");
  await page.getByLabel("E-mail").fill("duenio@demo.test");
  await page.getByLabel("Contraseña").fill("incorrecta");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("E-mail o contraseña incorrectos.");
  await expect(page).toHaveURL(/\/ingresar/);
});

test("the demo owner signs in, switches business view and signs out", async ({ page }) => {
  await login(page, "duenio@demo.test");
  // A single business: straight into it after signing in, no "choose a business" click.
  await expect(page).toHaveURL(/\/demo$/);
  await expect(page.getByText("Hotel Mostrador Demo").filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Principal" })).toBeVisible();
  await page.getByRole("button", { name: "Salir" }).click();
  await expect(page).toHaveURL(/\/ingresar/);
  await page.goto("/demo");
  await expect(page).toHaveURL(/\/ingresar/);
});
