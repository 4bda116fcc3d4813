import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "../server/db/embedded";
import { DEV_ROLES, ensureRolesAndDatabase, roleUrl } from "../server/db/roles";
import { runMigrations } from "../server/db/migrate";
import { runtimeEnv } from "../server/env";

// One real PostgreSQL server for the whole run (embedded, or TEST_DATABASE_ADMIN_URL: a
// superuser URL of an external server). A template database is migrated once; every test
// file clones it (src/test/setup-db.ts) and connects as the app role, so RLS is really on.
export const TEMPLATE_DB = "mostrador_template";

let server: EmbeddedServer | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = runtimeEnv().TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    server = await startEmbeddedPostgres({
      dir: path.resolve(process.cwd(), ".data/pg-test"),
      port: await freePort(),
      quiet: true,
    });
    adminUrl = server.superuserUrl();
  }
  await ensureRolesAndDatabase(adminUrl, "postgres");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  // Leftovers of an interrupted earlier run.
  const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'mt_%' or datname = ${TEMPLATE_DB}`;
  for (const { datname } of stale) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  await admin.unsafe(`create database "${TEMPLATE_DB}" owner ${DEV_ROLES.owner.name}`);
  await admin.end();
  await runMigrations(roleUrl(adminUrl, DEV_ROLES.owner, TEMPLATE_DB), DEV_ROLES.app.name);
  project.provide("pgAdminUrl", adminUrl);
  return async () => {
    await server?.stop();
  };
}
