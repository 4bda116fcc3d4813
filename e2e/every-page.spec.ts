import AxeBuilder from "@axe-core/playwright";
import { test, expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { DEMO_USERS, login } from "./fixtures";
import { appRoutes, demoIds, needsIds, urlFor, whoUses, type Ids, type Who } from "./every-page-data";

// Every page of the app (read from src/app), opened by the role that uses it, at a laptop's
// 1366×800 and a phone's 390×844: the page never scrolls sideways and axe finds nothing of
// serious or critical impact. Screenshots are kept with the results (test-results/…).
// One sign-in per role; the pages reuse that signed-in tab.

const WIDTHS = [
  { name: "1366", viewport: { width: 1366, height: 800 } },
  { name: "390", viewport: { width: 390, height: 844 } },
] as const;

const EMAIL: Record<Exclude<Who, "anon">, string> = DEMO_USERS;
const tabs = new Map<Who, Promise<Page>>();
let contexts: BrowserContext[] = [];
let ids: Promise<Ids> | null = null;

function tab(browser: Browser, who: Who): Promise<Page> {
  let p = tabs.get(who);
  if (!p) {
    p = (async () => {
      const ctx = await browser.newContext({ locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires", viewport: WIDTHS[0].viewport });
      contexts.push(ctx);
      const page = await ctx.newPage();
      if (who !== "anon") await login(page, EMAIL[who], undefined, "/negocios");
      return page;
    })();
    tabs.set(who, p);
  }
  return p;
}

function demoData(browser: Browser): Promise<Ids> {
  ids ??= (async () => demoIds(await tab(browser, "manager"), await tab(browser, "cashier")))();
  return ids;
}

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
  tabs.clear();
  ids = null;
});

/** Waits until the page has loaded its data: no pending requests for a moment, no skeletons. */
async function settle(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => {});
  await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 15_000 });
}

/** The document's sideways overflow in px, and the elements that stick out past the viewport. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const doc = document.documentElement;
    const excess = doc.scrollWidth - doc.clientWidth;
    const culprits: string[] = [];
    if (excess > 0) {
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
        const r = el.getBoundingClientRect();
        if (r.right > doc.clientWidth + 1 && r.width > 0 && !el.closest(".overflow-x-auto, [data-table-frame]")) {
          culprits.push(`${el.tagName.toLowerCase()}.${String(el.className).split(" ").slice(0, 4).join(".")} (${Math.round(r.right)})`);
          if (culprits.length >= 6) break;
        }
      }
    }
    return { excess, culprits };
  })
  // A page that redirects in the browser (a streamed redirect) destroys the context mid-check:
  // report it as not settled yet, and the poll below asks again on the page it lands on.
  .catch((e: Error) => ({ excess: Number.POSITIVE_INFINITY, culprits: [`(${e.message.split("\n")[0]})`] }));

/** Visible selects whose chosen option's text does not fit in them (cut off at the right). */
const cutSelects = (page: Page) =>
  page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLSelectElement>("select"))) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(el).visibility === "hidden") continue;
      const text = el.selectedOptions[0]?.text ?? "";
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      // The native arrow takes about 20 px of the content box on the right.
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
      if (ctx.measureText(text).width > room + 4) out.push(`«${text}» (${el.getAttribute("aria-label") || el.id || el.name})`);
    }
    return out;
  });

async function check(page: Page, label: string, info: TestInfo) {
  await expect
    .poll(async () => (await overflow(page)).excess, { message: `${label}: scrolls sideways`, timeout: 5_000 })
    .toBeLessThanOrEqual(0)
    .catch(async (e) => {
      throw new Error(`${(e as Error).message}\nsticking out: ${(await overflow(page)).culprits.join(", ")}`);
    });
  await page.screenshot({ path: info.outputPath(`${label}.png`), fullPage: true });
  expect.soft(await cutSelects(page), `${label}: selects whose text is cut off`).toEqual([]);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | ")}`);
  expect(bad, `${label}: accessibility violations`).toEqual([]);
}

for (const route of appRoutes()) {
  const who = whoUses(route);
  test(`${route} as ${who}: no sideways scroll, no serious axe violations`, async ({ browser }, info) => {
    test.setTimeout(120_000);
    const url = urlFor(route, needsIds(route) ? await demoData(browser) : ({} as Ids));
    expect(url, `${route} has a dynamic segment: give it an id in PARAMS (e2e/every-page-data.ts)`).not.toBeNull();
    const page = await tab(browser, who);
    const name = route.replace(/^\//, "").replace(/[[\]]/g, "").replace(/\//g, "_") || "home";
    await page.setViewportSize(WIDTHS[0].viewport);
    const res = await page.goto(url!);
    expect(res?.status() ?? 200, `${url} answers`).toBeLessThan(route.startsWith("/dev/") ? 500 : 400);
    for (const w of WIDTHS) {
      await page.setViewportSize(w.viewport);
      await settle(page);
      await check(page, `${name}-${w.name}`, info);
    }
  });
}

// The keyboard and screen-reader behaviour the page sweep cannot see.

test("phones get a drawer menu: focus moves in, Esc closes it and returns focus to the button", async ({ browser }) => {
  const page = await tab(browser, "owner");
  await page.setViewportSize(WIDTHS[1].viewport);
  await page.goto("/demo/reportes");
  const menu = page.getByRole("button", { name: "Menú" });
  await menu.click();
  const drawer = page.getByRole("dialog", { name: "Mostrador" });
  await expect(drawer).toBeVisible();
  await expect.poll(() => drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
  // A link in the drawer navigates and closes it; account and sign-out live there on phones.
  await menu.click();
  await expect(drawer.getByRole("button", { name: "Salir" })).toBeVisible();
  await drawer.getByRole("link", { name: "Inventario" }).click();
  await expect(page).toHaveURL(/\/demo\/inventario$/);
  await expect(drawer).toBeHidden();
});

test("the notifications popover takes focus when it opens and gives it back to the bell on Esc", async ({ browser }) => {
  const page = await tab(browser, "manager");
  await page.setViewportSize(WIDTHS[0].viewport);
  await page.goto("/demo/compras/pagos");
  const bell = page.getByRole("button", { name: /^Notificaciones/ });
  await bell.click();
  const popover = page.getByRole("dialog", { name: "Notificaciones" });
  await expect(popover).toBeVisible();
  await expect(popover).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(bell).toBeFocused();
});

test("a table that does not fit becomes cards, so its action buttons stay on screen at 1366 and 390", async ({ browser }) => {
  const page = await tab(browser, "manager");
  for (const w of WIDTHS) {
    await page.setViewportSize(w.viewport);
    await page.goto("/demo/compras/pagos");
    await settle(page);
    const pay = page.getByRole("button", { name: "Registrar pago" }).first();
    await expect(pay).toBeVisible();
    const box = (await pay.boundingBox())!;
    expect(box.x + box.width, `${w.name}: the action button is inside the window`).toBeLessThanOrEqual(w.viewport.width);
  }
  await expect(page.locator("[data-table-frame]").first()).toHaveAttribute("data-layout", "cards");
});

test("the POS product search is an ARIA combobox: the highlighted result is its active descendant", async ({ browser }) => {
  await demoData(browser); // the cashier's session is open
  const page = await tab(browser, "cashier");
  await page.setViewportSize(WIDTHS[0].viewport);
  await page.goto("/demo/pos");
  const search = page.getByRole("combobox", { name: "Código de barras o nombre" });
  await expect(search).toHaveAttribute("aria-expanded", "false");
  await search.fill("vino");
  await search.press("Enter");
  await expect(search).toHaveAttribute("aria-expanded", "true");
  const list = page.locator(`#${await search.getAttribute("aria-controls")}`);
  await expect(list).toHaveAttribute("role", "listbox");
  await search.press("ArrowDown");
  const active = await search.getAttribute("aria-activedescendant");
  await expect(page.locator(`#${active}`)).toHaveAttribute("aria-selected", "true");
  await expect(page.locator(`#${active}`)).toHaveAttribute("role", "option");
  await search.press("Escape");
  await expect(search).toHaveAttribute("aria-expanded", "false");
});
