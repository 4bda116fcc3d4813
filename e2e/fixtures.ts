import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";
export const DEMO_USERS = {
  owner: "duenio@demo.test",
  manager: "encargado@demo.test",
  supervisor: "supervisor@demo.test",
  cashier: "cajero@demo.test",
} as const;

/** Signs in through the real form and waits until the businesses page or callback loads. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/ingresar?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/ingresar");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).not.toHaveURL(/\/ingresar/);
}

export const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
