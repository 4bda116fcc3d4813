import postgres from "postgres";

// Creates the two roles and the database the app needs, as a superuser:
// - the owner role owns the database and every table and runs migrations;
// - the app role logs in for the web app: not superuser, not owner, NOBYPASSRLS.
export const DEV_ROLES = {
  owner: { name: "mostrador_owner", password: "mostrador_owner_dev" },
  app: { name: "mostrador_app", password: "mostrador_app_dev" },
} as const;

export async function ensureRolesAndDatabase(superuserUrl: string, database: string): Promise<void> {
  const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    for (const [role, extra] of [
      [DEV_ROLES.owner, "NOSUPERUSER NOBYPASSRLS"],
      [DEV_ROLES.app, "NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT"],
    ] as const) {
      const [exists] = await sql`select 1 from pg_roles where rolname = ${role.name}`;
      // Role names are our own constants, never user input; DDL cannot bind identifiers.
      if (!exists) await sql.unsafe(`create role ${role.name} login password '${role.password}' ${extra}`);
    }
    const [db] = await sql`select 1 from pg_database where datname = ${database}`;
    if (!db) await sql.unsafe(`create database "${database}" owner ${DEV_ROLES.owner.name}`);
  } finally {
    await sql.end();
  }
}

export function roleUrl(superuserUrl: string, role: { name: string; password: string }, database: string): string {
  const u = new URL(superuserUrl);
  u.username = role.name;
  u.password = role.password;
  u.pathname = `/${database}`;
  return u.toString();
}
