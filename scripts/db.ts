// npm run db:migrate | db:seed | db:studio — against DATABASE_URL or the embedded server.
import { spawn } from "node:child_process";
import { resolveDatabase, migrateTarget } from "../src/server/db/bootstrap";

const cmd = process.argv[2];
const target = await resolveDatabase();
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
try {
  if (cmd === "migrate") {
    await migrateTarget(target);
    console.log("Migraciones aplicadas.");
  } else if (cmd === "seed") {
    await migrateTarget(target);
    const { seedAll } = await import("../src/server/seed/all");
    const r = await seedAll();
    console.log(r.created ? "Negocio demo creado." : "Negocio demo ya existía; datos completados.");
  } else if (cmd === "studio") {
    await new Promise<void>((resolve) => {
      const child = spawn("npx", ["drizzle-kit", "studio"], { stdio: "inherit", env: process.env });
      child.on("exit", () => resolve());
    });
  } else {
    console.error("Uso: tsx scripts/db.ts migrate|seed|studio");
    process.exitCode = 2;
  }
} finally {
  const { closeDb } = await import("../src/server/db/client");
  await closeDb();
  await target.server?.stop();
}
