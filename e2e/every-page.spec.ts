import AxeBuilder from "@axe-core/playwright";
import { test, expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { DEMO_USERS, login } from "./fixtures";
import { appRoutes, demoIds, urlFor, whoUses, type Ids, type Who } from "./every-page-data";

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
  await page.waitForLoadState("networkidle", { timeout: 8_000 }).catch(() => {});
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
  });

async function check(page: Page, label: string, info: TestInfo) {
  await expect
    .poll(async () => (await overflow(page)).excess, { message: `${label}: scrolls sideways`, timeout: 5_000 })
    .toBeLessThanOrEqual(0)
    .catch(async (e) => {
      throw new Error(`${(e as Error).message}\nsticking out: ${(await overflow(page)).culprits.join(", ")}`);
    });
  await page.screenshot({ path: info.outputPath(`${label}.png`), fullPage: true });
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
    const dynamic = /\[/.test(route.replace(/^\/\[slug\]/, "").replace(/^\/precio\/\[slug\]$/, ""));
    const url = urlFor(route, dynamic ? await demoData(browser) : ({} as Ids));
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
