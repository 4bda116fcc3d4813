import type { Page } from "@playwright/test";
import { login } from "./fixtures";
import { withTenantDb } from "./offline-db";
import { test, expect, type SeededBusiness } from "./business";

// This spec's own business (e2e/business.ts): a fresh copy of the demo, not the shared one.
let biz: SeededBusiness;
test.beforeEach(({ business }) => {
  biz = business;
});

// Issue 11 in the real browser and the real server front (scripts/serve.mjs).

// The sign-in throttle counts per e-mail and per client address (every browser here is 127.0.0.1),
// across every business: this spec resets and locks it, so it runs in the "alone" project
// (playwright.config.ts), after every other spec and beside none.
const forgetThrottle = () => withTenantDb(biz.slug, (tx) => tx`delete from login_attempts`);
test.afterEach(forgetThrottle);

/** Collects CSP violations the page reports. */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|connect|apply|frame)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load (CSP) ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/ingresar", "/api/health", "/manifest.webmanifest", `/precio/${biz.slug}`]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).toContain("object-src 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["strict-transport-security"], path).toContain("max-age=");
  }
});

test("the app works under the CSP: sign-in, dashboard, the POS with its service worker, the price checker", async ({ page }) => {
  const violations = await watchCsp(page);
  await login(page, biz.users.owner);
  await page.goto(`/${biz.slug}`);
  await expect(page.getByRole("navigation", { name: "Principal" })).toBeVisible();
  await page.goto(`/${biz.slug}/pos`);
  await expect(page.locator("body")).toContainText(/caja|Caja/);
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => !!r.active))).toBe(true);
  await page.goto(`/precio/${biz.slug}`);
  await expect(page.getByRole("heading", { name: "Consultá el precio" })).toBeVisible();
  // A bundled globalThis polyfill probes `Function("return this")` and is refused harmlessly
  // (no 'unsafe-eval'); anything else refused would be a real breakage.
  expect(violations.filter((v) => !/script-src eval/.test(v))).toEqual([]);
});

test("sign-in goes back to same-origin paths only", async ({ page }) => {
  for (const cb of ["//evil.example/x", "/\\evil.example", "https://evil.example/"]) {
    await login(page, biz.users.owner, biz.password, cb);
    // Back on this site: the businesses list, or straight into the owner's only business.
    await expect(page).toHaveURL(new RegExp(`^http://localhost:\\d+/(negocios|${biz.slug})(/|\\?|$)`));
    await page.context().clearCookies();
  }
});

test("a rotated X-Forwarded-For does not escape the sign-in throttle", async ({ browser }) => {
  for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${i + 1}` } });
    const page = await ctx.newPage();
    await page.goto("/ingresar");
    await page.getByLabel("E-mail").fill(`nadie${i}@e2e.test`);
    await page.getByLabel("Contraseña").fill("adivinando");
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("E-mail o contraseña incorrectos.");
    await ctx.close();
  }
  // One bucket for the one real client (the socket address), none per forged header.
  const keys = await withTenantDb(biz.slug, (tx) => tx<{ key: string; failures: number }[]>`select key, failures from login_attempts where key like 'ip:%'`);
  expect(keys.filter((k) => k.key.includes("203.0.113."))).toEqual([]);
  expect(keys).toHaveLength(1);
  expect(keys[0]!.failures).toBe(3);
  // …and that bucket is waiting now: even the right password is not checked.
  await withTenantDb(biz.slug, (tx) => tx`update login_attempts set locked_until = now() + interval '1 minute' where key like 'ip:%'`);
  const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } });
  const page = await ctx.newPage();
  await page.goto("/ingresar");
  await page.getByLabel("E-mail").fill(biz.users.owner);
  await page.getByLabel("Contraseña").fill(biz.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByText(/Demasiados intentos/)).toBeVisible();
  await ctx.close();
});

test("a replayed session cookie is refused after sign-out", async ({ page, browser, baseURL }) => {
  await login(page, biz.users.owner);
  const cookies = await page.context().cookies();
  await page.goto(`/${biz.slug}`);
  await page.getByRole("button", { name: "Salir" }).click();
  await expect(page).toHaveURL(/\/ingresar/);
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const res = await thief.request.get(`${baseURL}/api/trpc/tenancy.current?input=${encodeURIComponent(JSON.stringify({ json: null }))}`, {
    headers: { "x-tenant-slug": biz.slug },
  });
  expect(res.status()).toBe(401);
  const p = await thief.newPage();
  await p.goto(`/${biz.slug}`);
  await expect(p).toHaveURL(/\/ingresar/);
  await thief.close();
});

test("body-taking route handlers refuse non-JSON and foreign origins; jobs refuse anonymous callers", async ({ request, baseURL }) => {
  const form = await request.post(`/api/pos/${biz.slug}/sync`, { headers: { "content-type": "text/plain" }, data: '{"sales":[]}' });
  expect(form.status()).toBe(415);
  const foreign = await request.post(`/api/pos/${biz.slug}/sync`, { headers: { "content-type": "application/json", origin: "https://evil.example" }, data: { sales: [] } });
  expect(foreign.status()).toBe(403);
  const trpc = await request.post("/api/trpc/tenancy.signUp", { headers: { "content-type": "text/plain", origin: baseURL! }, data: "{}" });
  expect(trpc.status()).toBe(415);
  const job = await request.post("/api/inngest?fnId=mostrador-sweep-pending-fiscal-documents&stepId=step", {
    headers: { "content-type": "application/json" },
    data: { event: { name: "inngest/scheduled.timer", data: {} }, events: [], steps: {}, ctx: { run_id: "r", attempt: 0 } },
  });
  expect(job.status()).toBeGreaterThanOrEqual(400);
});
