import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium when present (Playwright's own browser download is not available here).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const port = process.env.E2E_PORT ?? "3210";
// Specs that change state no business owns (the sign-in throttle counts per client address, and
// every browser here is 127.0.0.1): they run after all the others, one at a time. Their project
// depends on the main one, so running one of them by itself takes `--no-deps`.
const alone = ["**/security.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Each spec file seeds its own business (e2e/business.ts), so files run in parallel; the tests
  // of one file share that business in order, so they stay serial (no fullyParallel).
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "es-AR",
    timezoneId: "America/Argentina/Buenos_Aires",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: alone },
    { name: "alone", use: { ...devices["Desktop Chrome"] }, testMatch: alone, dependencies: ["chromium"], workers: 1 },
  ],
  webServer: {
    command: "tsx --conditions=react-server scripts/e2e-server.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !!process.env.E2E_REUSE,
    stdout: "ignore",
    stderr: "pipe",
  },
});
