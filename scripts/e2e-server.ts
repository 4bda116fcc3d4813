// Playwright's web server: a fresh embedded PostgreSQL (unless DATABASE_URL), migrations,
// demo data, then the built app (`next start`), or `next dev` with E2E_DEV=1.
import { rmSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { freePort } from "../src/server/db/embedded";
import { resolveDatabase, migrateTarget } from "../src/server/db/bootstrap";

const port = process.env.E2E_PORT ?? "3210";
const dataDir = path.resolve(process.cwd(), `.data/pg-e2e-${port}`);
if (!process.env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });
const target = await resolveDatabase({ dataDir, port: await freePort() });
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
await migrateTarget(target);
const { seedAll } = await import("../src/server/seed/all");
await seedAll();
const { closeDb } = await import("../src/server/db/client");
await closeDb();

const { randomBytes } = await import("node:crypto");
// Production refuses to start without its secrets: this run gets fresh random ones. Inngest
// events go to a closed local port (no Inngest here): documents stay PENDING, as documented.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.FISCAL_KEY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.INNGEST_SIGNING_KEY ??= `signkey-test-${randomBytes(32).toString("hex")}`;
process.env.INNGEST_EVENT_KEY ??= randomBytes(16).toString("hex");
process.env.INNGEST_BASE_URL ??= "http://127.0.0.1:9";
// The built app runs behind the same server front as `npm start` (client address from the socket).
const child = process.env.E2E_DEV
  ? spawn("npx", ["next", "dev", "-p", port], { stdio: "inherit", env: { ...process.env, NEXTAUTH_URL: `http://localhost:${port}`, E2E: "1" } })
  : spawn("node", ["scripts/serve.mjs"], {
      stdio: "inherit",
      env: { ...process.env, PORT: port, NODE_ENV: "production", NEXTAUTH_URL: `http://localhost:${port}`, E2E: "1" },
    });
const stop = async () => {
  child.kill("SIGTERM");
  await target.server?.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", async (code) => {
  await target.server?.stop();
  process.exit(code ?? 0);
});
