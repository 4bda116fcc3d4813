import { expect, test } from "@playwright/test";
import { DEMO_USERS, uniqueSlug } from "./fixtures";
import { linkMailedTo } from "./mail";

// Sign-up confirmed by e-mail (issue 11): the page answers the same whether the e-mail has an
// account; the mailed link asks the password and opens the new business.

async function requestSignUp(page: import("@playwright/test").Page, slug: string, email: string) {
  await page.goto("/registro");
  await page.getByLabel("Nombre del negocio").fill("Kiosco Confirmado");
  await page.getByLabel("Dirección en Mostrador").fill(slug);
  await page.getByLabel("Tu nombre").fill("Dueña Confirmada");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Crear mi negocio" }).click();
  await expect(page.getByText(/Te enviamos un correo a/)).toBeVisible();
  return (await page.locator("body").innerText()).replace(email, "<e-mail>");
}

test("an existing e-mail gets the same answer; a new one confirms by link and lands in its business", async ({ page }) => {
  const existing = await requestSignUp(page, uniqueSlug("ya-existe"), DEMO_USERS.owner);
  const slug = uniqueSlug("confirmado");
  const email = `${slug}@e2e.test`;
  const fresh = await requestSignUp(page, slug, email);
  expect(fresh).toBe(existing);
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `test-results/signup-sent-${width}.png` });
  }

  await page.goto(await linkMailedTo(email, "/registro/"));
  await expect(page.getByRole("heading", { name: "Confirmá tu cuenta" })).toBeVisible();
  await page.screenshot({ path: "test-results/signup-confirm-1366.png" });
  await page.getByLabel("Elegí tu contraseña").fill("clave-segura-1");
  await page.getByRole("button", { name: "Confirmar y crear mi negocio" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await expect(page.getByRole("combobox", { name: "Cambiar de negocio" })).toHaveValue(slug);
});
