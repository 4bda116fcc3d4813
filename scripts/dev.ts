// npm run dev: database (embedded unless DATABASE_URL), migrations, demo data, then Next.js.
import { spawnGroup, stopGroupOnSignals } from "./process-group";
import { resolveDatabase, migrateTarget } from "../src/server/db/bootstrap";
import { DEMO } from "../src/server/seed/demo";
import { runtimeEnv } from "../src/server/env";

const target = await resolveDatabase();
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
await migrateTarget(target);
const { seedAll } = await import("../src/server/seed/all");
await seedAll();
const { closeDb } = await import("../src/server/db/client");
await closeDb();

const port = String(runtimeEnv().PORT);
const mode = process.argv.includes("--prod") ? "start" : "dev";
const next = spawnGroup("npx", ["next", mode, "-p", port], { stdio: "inherit", env: { ...process.env, PORT: port } });
console.log(`
  Mostrador en http://localhost:${port}
  Base de datos: ${target.server ? `PostgreSQL embebido (.data/pg, puerto ${target.server.port})` : "DATABASE_URL"}
  Negocio demo: http://localhost:${port}/${DEMO.slug}
  Usuarios demo (contraseña "${DEMO.password}"):
${DEMO.users.map((u) => `    ${u.role.padEnd(10)} ${u.email}`).join("\n")}
`);

// Ctrl-C / SIGTERM stop next (its whole process group) and the embedded PostgreSQL.
stopGroupOnSignals(next, async () => target.server?.stop());
