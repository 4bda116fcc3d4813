// Production migrations (and, with --seed, the demo business) with no dev dependency:
// `npm run build:migrate` bundles this file with esbuild into dist/migrate.mjs, which the
// container runs once before the app starts. Needs DATABASE_URL (the app role) and
// DATABASE_OWNER_URL (the owner, who runs migrations); with DATABASE_ADMIN_URL it first
// creates both roles and the database. Never starts an embedded PostgreSQL.
import { ensureRolesAndDatabase, roleFromUrl } from "../src/server/db/roles";
import { runMigrations } from "../src/server/db/migrate";
import { runtimeEnv } from "../src/server/env";

const env = runtimeEnv();
const appUrl = env.DATABASE_URL;
const ownerUrl = env.DATABASE_OWNER_URL;
if (!appUrl || !ownerUrl) {
  console.error("DATABASE_URL (app role) y DATABASE_OWNER_URL (dueño) son obligatorias para migrar.");
  process.exit(2);
}
if (env.DATABASE_ADMIN_URL) {
  // The roles are created with the names and passwords of the operator's own URLs.
  await ensureRolesAndDatabase(env.DATABASE_ADMIN_URL, new URL(appUrl).pathname.slice(1), {
    owner: roleFromUrl(ownerUrl),
    app: roleFromUrl(appUrl),
  });
}
const started = Date.now();
await runMigrations(ownerUrl, decodeURIComponent(new URL(appUrl).username));
console.log(JSON.stringify({ msg: "migrations applied", ms: Date.now() - started }));
if (process.argv.includes("--seed")) {
  const { seedAll } = await import("../src/server/seed/all");
  const r = await seedAll();
  console.log(JSON.stringify({ msg: r.created ? "demo business created" : "demo business already there" }));
  const { closeDb } = await import("../src/server/db/client");
  await closeDb();
}
