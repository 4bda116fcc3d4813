// Playwright's web server: a fresh embedded PostgreSQL (unless DATABASE_URL), migrations,
// demo data, a loopback endpoint that seeds each spec its own copy of the demo business
// (src/test/seed-business.ts), then the built app (`next start`), or `next dev` with E2E_DEV=1.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../src/server/db/embedded";
import { resolveDatabase, migrateTarget } from "../src/server/db/bootstrap";
import { runtimeEnv } from "../src/server/env";

const port = String(runtimeEnv().E2E_PORT);
const dataDir = path.resolve(process.cwd(), `.data/pg-e2e-${port}`);
// The fake ARCA's CA and numbering belong with this run's database: both start fresh together.
const fakeDir = path.resolve(process.cwd(), `.data/fake-afip-e2e-${port}`);
if (!runtimeEnv().DATABASE_URL) {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(fakeDir, { recursive: true, force: true });
}
process.env.FAKE_AFIP_DIR = fakeDir;

const { randomBytes } = await import("node:crypto");
// Production refuses to start without its secrets: this run gets fresh random ones, set before
// seeding so the demo's encrypted ARCA key opens in the app. Inngest events go to a closed local
// port (no Inngest here): sale documents stay PENDING, billing batches run in-process (E2E=1).
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.FISCAL_KEY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.INNGEST_SIGNING_KEY ??= `signkey-test-${randomBytes(32).toString("hex")}`;
process.env.INNGEST_EVENT_KEY ??= randomBytes(16).toString("hex");
process.env.INNGEST_BASE_URL ??= "http://127.0.0.1:9";

const target = await resolveDatabase({ dataDir, port: await freePort() });
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
await migrateTarget(target);
const { seedAll } = await import("../src/server/seed/all");
await seedAll();
// Each spec seeds its own copy of the demo business through this loopback endpoint (the same
// seeders, this process's secrets and fake ARCA CA); e2e/business.ts finds it through this file.
const { startSeedServer } = await import("../src/test/seed-business");
const seedServer = await startSeedServer();
mkdirSync(path.resolve(process.cwd(), ".data"), { recursive: true });
writeFileSync(path.resolve(process.cwd(), `.data/e2e-seed-${port}.url`), seedServer.url);

// The production build never starts a fake ARCA itself: the stand-in runs here as its own
// process (not production mode) on a free loopback port, and the app is pointed at it with
// FAKE_AFIP_URL, which a production build accepts only with E2E=1 (env.ts fakeArcaRefusal).
const fakeAfip = await startFakeArca(await freePort());
process.env.FAKE_AFIP_URL = fakeAfip.url;
// The built app runs behind the same server front as `npm start` (client address from the socket).
const child = runtimeEnv().E2E_DEV
  ? spawn("npx", ["next", "dev", "-p", port], { stdio: "inherit", env: { ...process.env, NEXTAUTH_URL: `http://localhost:${port}`, E2E: "1" } })
  : spawn("node", ["scripts/serve.mjs"], {
      stdio: "inherit",
      env: { ...process.env, PORT: port, NODE_ENV: "production", NEXTAUTH_URL: `http://localhost:${port}`, E2E: "1" },
    });
const stop = async () => {
  child.kill("SIGTERM");
  seedServer.server.close();
  fakeAfip.process.kill("SIGTERM");
  await target.server?.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", async (code) => {
  fakeAfip.process.kill("SIGTERM");
  await target.server?.stop();
  process.exit(code ?? 0);
});

/** scripts/fake-afip.ts as a child process; resolves with its URL once it listens. */
async function startFakeArca(fakePort: number): Promise<{ url: string; process: ChildProcess }> {
  const tsx = path.resolve(process.cwd(), "node_modules/.bin/tsx");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", FAKE_AFIP_PORT: String(fakePort) };
  delete env.FAKE_AFIP_URL;
  const proc = spawn(tsx, ["--conditions=react-server", "scripts/fake-afip.ts"], { stdio: ["ignore", "pipe", "inherit"], env });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    proc.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /en (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.on("exit", (code) => reject(new Error(`fake ARCA exited (${code}) before listening: ${out}`)));
  });
  return { url, process: proc };
}
