
// The terminal at desktop and phone widths, keyboard-driven; screenshots kept with the results.
import { login } from "./fixtures";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

for (const width of [1366, 390]) {
  test(`terminal at ${width} px: open, cart, payment, ticket, no horizontal scroll`, async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width, height: width > 500 ? 800 : 844 }, serviceWorkers: "block" });
    const page = await ctx.newPage();
    await login(page, biz.users.cashier, biz.password, `/${biz.slug}/pos`);
    const chooser = page.getByLabel("Caja", { exact: true });
    await chooser.selectOption((await chooser.locator("option", { hasText: /^Caja 1( |$)/ }).getAttribute("value"))!);
    const open = page.getByRole("button", { name: "Abrir caja" });
    await expect(open.or(page.getByTestId("pos-scan"))).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`${width}-0-open.png`), fullPage: true });
    if (await open.isVisible()) {
      await page.keyboard.type("5000");
      await page.keyboard.press("Enter");
    }
    await expect(page.getByTestId("pos-scan")).toBeFocused();
    for (const c of ["7790895000997", "7790407031228", "alfajor"]) {
      await page.keyboard.type(c);
      await page.keyboard.press("Enter");
    }
    await expect(page.getByRole("row", { name: /Alfajor/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`${width}-1-cart.png`), fullPage: true });
    await page.keyboard.press("F9");
    await page.keyboard.type("5000");
    await page.keyboard.press("Alt+d");
    await page.screenshot({ path: test.info().outputPath(`${width}-2-pay.png`) });
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("ticket")).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`${width}-3-ticket.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await ctx.close();
  });
}
