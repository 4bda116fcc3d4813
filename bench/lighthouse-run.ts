// bench:lighthouse's Lighthouse side: one headless Chromium (Debian's /usr/bin/chromium, or
// CHROME_PATH) through chrome-launcher, and a page audited with Lighthouse's desktop config or its
// default (mobile: Moto G Power, slow 4G, 4× CPU slowdown, all simulated), median of N runs.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";

export type Preset = "desktop" | "mobile";
export const TARGET: Record<Preset, number> = { desktop: 95, mobile: 90 };

export type Result = {
  perf: number;
  a11y: number;
  bp: number;
  seo: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  /** The page Lighthouse ended on (a redirect to /ingresar shows here). */
  finalUrl: string;
  /** Lighthouse's runtime error or warnings worth seeing (e.g. NO_LCP). */
  note: string;
};

export async function launchChrome() {
  return chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    logLevel: "silent",
  });
}

const score = (c: { score: number | null } | undefined) => Math.round((c?.score ?? 0) * 100);

/** One Lighthouse run of `url` with the given preset; `cookie` goes in every request's headers. */
export async function audit(port: number, url: string, preset: Preset, cookie: string | null): Promise<Result> {
  const flags = {
    port,
    output: "json" as const,
    logLevel: "error" as const,
    onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
    // The full-page screenshot is for the HTML report only (not a metric): skipped, it costs seconds a run.
    disableFullPageScreenshot: true,
  };
  const out = await lighthouse(url, flags, preset === "desktop" ? desktopConfig : undefined);
  if (!out) throw new Error(`lighthouse returned nothing for ${url}`);
  const { lhr } = out;
  // BENCH_LHR_DIR: keep each run's full report (JSON) to see what a score is made of.
  if (process.env.BENCH_LHR_DIR) {
    mkdirSync(process.env.BENCH_LHR_DIR, { recursive: true });
    const name = `${new URL(url).pathname.replace(/[^a-z0-9]+/gi, "_")}-${preset}-${Date.now()}.json`;
    writeFileSync(path.join(process.env.BENCH_LHR_DIR, name), JSON.stringify(lhr));
  }
  const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    perf: score(lhr.categories.performance),
    a11y: score(lhr.categories.accessibility),
    bp: score(lhr.categories["best-practices"]),
    seo: score(lhr.categories.seo),
    fcp: num("first-contentful-paint"),
    lcp: num("largest-contentful-paint"),
    tbt: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
    si: num("speed-index"),
    finalUrl: lhr.finalDisplayedUrl,
    // (Lighthouse clears the origin's storage before each run; its "stored data" warning is noise here.)
    note: [lhr.runtimeError?.code, ...(lhr.runWarnings ?? []).filter((w) => !w.includes("stored data")).map((w) => w.slice(0, 80))].filter(Boolean).join("; "),
  };
}

/** `runs` audits; the one with the median performance score (its metrics belong together). */
export async function medianAudit(port: number, url: string, preset: Preset, cookie: string | null, runs: number): Promise<Result> {
  const all: Result[] = [];
  for (let i = 0; i < runs; i++) {
    let r = await audit(port, url, preset, cookie);
    // A run Lighthouse itself could not measure (NO_NAVSTART, NO_FCP…) is tried once more.
    if (r.note.startsWith("NO_") || Number.isNaN(r.lcp)) r = await audit(port, url, preset, cookie);
    all.push(r);
  }
  all.sort((a, b) => a.perf - b.perf);
  return all[Math.floor((all.length - 1) / 2)]!;
}

const s = (msv: number) => (Number.isNaN(msv) ? "  -  " : `${(msv / 1000).toFixed(1)}s`);

/** One line: perf (FCP LCP TBT CLS SI) a11y/bp/seo, with a mark when under target. */
export function line(r: Result, preset: Preset): string {
  const mark = r.perf < TARGET[preset] ? " ✗" : "  ";
  const metrics = `FCP ${s(r.fcp)} LCP ${s(r.lcp)} TBT ${String(Math.round(r.tbt)).padStart(4)}ms CLS ${r.cls.toFixed(3)} SI ${s(r.si)}`;
  return `${String(r.perf).padStart(3)}${mark} ${metrics}  a11y ${r.a11y} bp ${r.bp} seo ${r.seo}`;
}
