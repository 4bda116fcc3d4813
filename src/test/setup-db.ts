import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { DEV_ROLES, roleUrl } from "../server/db/roles";
import { closeDb } from "../server/db/client";

// Each test file gets its own database cloned from the migrated template.
const adminUrl = inject("pgAdminUrl");
const dbName = `mt_${randomBytes(6).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
for (let attempt = 0; ; attempt++) {
  try {
    await admin.unsafe(`create database "${dbName}" template mostrador_template owner ${DEV_ROLES.owner.name}`);
    break;
  } catch (e) {
    // Two files cloning at the same instant: "source database is being accessed by other users".
    if (attempt > 20) throw e;
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
  }
}
process.env.DATABASE_URL = roleUrl(adminUrl, DEV_ROLES.app, dbName);
process.env.DATABASE_OWNER_URL = roleUrl(adminUrl, DEV_ROLES.owner, dbName);
process.env.TEST_ADMIN_DB_URL = roleUrl(adminUrl, { name: new URL(adminUrl).username, password: decodeURIComponent(new URL(adminUrl).password) }, dbName);

afterAll(async () => {
  await closeDb();
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
});
