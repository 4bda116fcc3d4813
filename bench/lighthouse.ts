// npm run bench:lighthouse — Lighthouse on every page of the production build, desktop and mobile
// presets, against the product brief's target: performance ≥ 95 desktop, ≥ 90 mobile.
//
// The app is the production build (`npm run build` first): .next/standalone/server.js, as
// bench:pos runs it, on a fresh embedded PostgreSQL (.data/pg-bench-lighthouse) migrated and
// seeded with the demo data (seedAll, as scripts/e2e-server.ts). The pages are every page.tsx
// under src/app (e2e/routes.ts, shared with the every-page spec), each opened by the role that
// uses it: a next-auth session cookie (encode with the server's NEXTAUTH_SECRET, the demo user's
// id and session version) goes to Lighthouse as an extra Cookie header. Dynamic segments get the
// demo's rows, or rows created through tRPC as the manager / cashier (collectDemoIds).
//
// Baseline, same run, same server: a bare static HTML file served from public/ (written into
// the standalone copy only), the ceiling this machine's Chromium and Lighthouse reach.
// Chromium: /usr/bin/chromium (or CHROME_PATH), headless, --no-sandbox (root).
// Knobs: BENCH_STANDALONE (below), BENCH_PAGES (substring of the route or URL, or the whole of it
// ending in "$"; comma-separated alternatives),
// BENCH_RUNS (default 1; the median run by performance score), BENCH_PRESETS (desktop,mobile).
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, cpus } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { appRoutes, collectDemoIds, needsIds, urlFor, whoUses, type Ids, type Who } from "../e2e/routes";
import { launchChrome, line, medianAudit, TARGET, type Preset } from "./lighthouse-run";

process.env.LOG_LEVEL ??= "warn";
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.FISCAL_KEY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.INNGEST_SIGNING_KEY ??= `signkey-test-${randomBytes(32).toString("hex")}`;
process.env.INNGEST_EVENT_KEY ??= randomBytes(16).toString("hex");
process.env.INNGEST_BASE_URL ??= "http://127.0.0.1:9";
process.env.FAKE_AFIP_DIR = path.resolve(process.cwd(), `.data/fake-afip-bench-lighthouse-${process.pid}`);

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
const FILTER = (process.env.BENCH_PAGES ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const PRESETS = (process.env.BENCH_PRESETS ?? "desktop,mobile").split(",").map((s) => s.trim()) as Preset[];
const load = () => loadavg().map((l) => l.toFixed(2)).join(" / ");
const EMAIL: Record<Exclude<Who, "anon">, string> = {
  owner: "duenio@demo.test",
  manager: "encargado@demo.test",
  supervisor: "supervisor@demo.test",
  cashier: "cajero@demo.test",
};

// BENCH_STANDALONE: a copy of .next/standalone prepared by an earlier run (static files and
// server chunks already in), e.g. to measure the previous build while the next one builds.
const prepared = process.env.BENCH_STANDALONE;
const standalone = prepared ? path.resolve(prepared) : path.resolve(process.cwd(), ".next/standalone");
if (!existsSync(path.join(standalone, "server.js"))) throw new Error("npm run build first (bench:lighthouse measures the production build)");
console.log(`load average at start (1/5/15 min): ${load()} on ${cpus().length} cores`);

// ---- database: fresh, migrated, demo data
const { freePort } = await import("../src/server/db/embedded");
const { resolveDatabase, migrateTarget } = await import("../src/server/db/bootstrap");
// Its own directory per run (two runs may overlap: one per build), removed at the end.
const dataDir = path.resolve(process.cwd(), `.data/pg-bench-lighthouse-${process.pid}`);
delete process.env.DATABASE_URL;
rmSync(dataDir, { recursive: true, force: true });
rmSync(process.env.FAKE_AFIP_DIR, { recursive: true, force: true });
const target = await resolveDatabase({ dataDir, port: await freePort() });
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
await migrateTarget(target);
const { seedAll } = await import("../src/server/seed/all");
await seedAll();
const owner = postgres(target.ownerUrl, { max: 1, onnotice: () => {} });

// ---- the production server (as bench:pos), plus the baseline's bare static page
if (!prepared) {
  cpSync(path.resolve(process.cwd(), ".next/static"), path.join(standalone, ".next/static"), { recursive: true });
  cpSync(path.resolve(process.cwd(), "public"), path.join(standalone, "public"), { recursive: true });
  cpSync(path.resolve(process.cwd(), ".next/server"), path.join(standalone, ".next/server"), { recursive: true, force: false });
}
const BASELINE = "/bench-baseline.html";
writeFileSync(
  path.join(standalone, "public", BASELINE),
  `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="description" content="Página estática de referencia"><title>Referencia</title></head>` +
    `<body><main><h1>Mostrador</h1><p>Página estática sin JavaScript: el techo de esta máquina.</p></main></body></html>`,
);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ["server.js"], {
  cwd: standalone,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: target.appUrl, NEXTAUTH_URL: base, LOG_LEVEL: "warn" },
});
for (let i = 0; ; i++) {
  if (await fetch(`${base}/api/ready`).then((r) => r.ok, () => false)) break;
  if (i > 240) throw new Error("the production server never became ready");
  await new Promise((r) => setTimeout(r, 500));
}

// ---- sessions: one cookie per role (the JWT next-auth would have issued at sign-in)
const { encode } = await import("next-auth/jwt");
const cookies = new Map<Who, string | null>([["anon", null]]);
for (const [who, email] of Object.entries(EMAIL) as [Exclude<Who, "anon">, string][]) {
  const [u] = await owner<{ id: string; sv: number }[]>`select id, session_version as sv from users where email = ${email}`;
  if (!u) throw new Error(`demo user ${email} not found`);
  const token = await encode({ token: { sub: u.id, uid: u.id, sv: u.sv }, secret: process.env.NEXTAUTH_SECRET! });
  cookies.set(who, `next-auth.session-token=${token}`);
}

async function trpc<T>(who: "manager" | "cashier", procedure: string, input: unknown, kind: "query" | "mutation"): Promise<T> {
  const headers = { "content-type": "application/json", "x-tenant-slug": "demo", cookie: cookies.get(who)! };
  const json = JSON.stringify({ json: input });
  const res =
    kind === "query"
      ? await fetch(`${base}/api/trpc/${procedure}?input=${encodeURIComponent(json)}`, { headers })
      : await fetch(`${base}/api/trpc/${procedure}`, { method: "POST", headers, body: json });
  if (!res.ok) throw new Error(`${procedure}: ${res.status} ${await res.text()}`);
  return (await res.json()).result.data.json as T;
}
const first = (query: string) =>
  owner.begin(async (tx) => {
    await tx`select set_config('app.current_tenant', tenant_id_by_slug('demo')::text, true)`;
    const rows = await tx.unsafe<{ id: string }[]>(query);
    return rows[0]?.id ?? null;
  }) as Promise<string | null>;

// A filter ending in "$" matches the whole route ("/[slug]$" or "/demo$": the business home only).
const matches = (route: string, f: string) =>
  [route, route.replace("[slug]", "demo")].some((r) => (f.endsWith("$") ? r === f.slice(0, -1) : r.includes(f)));
const routes = appRoutes().filter((r) => !FILTER.length || FILTER.some((f) => matches(r, f)));
const ids: Ids | null = routes.some(needsIds)
  ? await collectDemoIds({ trpc, first, posContext: async () => (await fetch(`${base}/api/pos/demo/context`, { headers: { cookie: cookies.get("cashier")! } })).json() })
  : null;

// ---- audits
const chrome = await launchChrome();
type Row = { label: string; who: Who; res: Partial<Record<Preset, Awaited<ReturnType<typeof medianAudit>>>> };
const rows: Row[] = [];
const pages: { label: string; url: string; who: Who }[] = [
  { label: `(baseline) ${BASELINE}`, url: BASELINE, who: "anon" },
  ...routes.map((r) => ({ label: r, url: urlFor(r, ids ?? ({} as Ids))!, who: whoUses(r) })),
];
console.log(`${pages.length - 1} pages × ${PRESETS.join(" + ")}, ${RUNS} run(s) each (median by performance score); target ≥ ${TARGET.desktop} desktop, ≥ ${TARGET.mobile} mobile`);
try {
  for (const p of pages) {
    if (!p.url) throw new Error(`${p.label}: no id for its dynamic segment (e2e/routes.ts PARAMS)`);
    const row: Row = { label: p.label, who: p.who, res: {} };
    console.log(`\n${p.label}  (${p.url} as ${p.who})`);
    for (const preset of PRESETS) {
      const r = await medianAudit(chrome.port, base + p.url, preset, cookies.get(p.who) ?? null, RUNS);
      row.res[preset] = r;
      const moved = new URL(r.finalUrl).pathname !== p.url.split("?")[0] ? `  → ${new URL(r.finalUrl).pathname}` : "";
      console.log(`  ${preset.padEnd(7)} ${line(r, preset)}${moved}${r.note ? `  [${r.note}]` : ""}`);
    }
    rows.push(row);
  }
} finally {
  chrome.kill();
  server.kill("SIGTERM");
  await owner.end();
  await target.server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(process.env.FAKE_AFIP_DIR, { recursive: true, force: true });
}

// ---- summary
const compact = (r: Row) => PRESETS.map((p) => r.res[p]?.perf ?? "-").join("/");
console.log(`\nperformance ${PRESETS.join("/")} per page:`);
console.log(rows.map((r) => `${r.label.replace("/[slug]", "")} ${compact(r)}`).join(" · "));
const under = rows.slice(1).filter((r) => PRESETS.some((p) => (r.res[p]?.perf ?? 0) < TARGET[p]));
console.log(`\nunder target (${under.length} of ${rows.length - 1}):`);
for (const r of under) console.log(`  ${r.label} ${compact(r)}`);
console.log(`\nload average at end (1/5/15 min): ${load()} on ${cpus().length} cores`);
