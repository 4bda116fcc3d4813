// npm run dev: database (embedded unless DATABASE_URL), migrations, demo data, then Next.js.
import { spawn } from "node:child_process";
import { resolveDatabase, migrateTarget } from "../src/server/db/bootstrap";
import { DEMO } from "../src/server/seed/demo";

const target = await resolveDatabase();
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
await migrateTarget(target);
const { seedAll } = await import("../src/server/seed/all");
await seedAll();
const { closeDb } = await import("../src/server/db/client");
await closeDb();

const port = process.env.PORT ?? "3000";
const mode = process.argv.includes("--prod") ? "start" : "dev";
const next = spawn("npx", ["next", mode, "--webpack", "-p", port], { stdio: "inherit", env: { ...process.env, PORT: port } });
console.log(`
  Mostrador en http://localhost:${port}
  Base de datos: ${target.server ? `PostgreSQL embebido (.data/pg, puerto ${target.server.port})` : "DATABASE_URL"}
  Negocio demo: http://localhost:${port}/${DEMO.slug}
  Usuarios demo (contraseña "${DEMO.password}"):
${DEMO.users.map((u) => `    ${u.role.padEnd(10)} ${u.email}`).join("\n")}
`);

const shutdown = async () => {
  next.kill("SIGTERM");
  await target.server?.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
next.on("exit", async (code) => {
  await target.server?.stop();
  process.exit(code ?? 0);
});
