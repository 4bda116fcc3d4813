import postgres from "postgres";

// Creates the two roles and the database the app needs, as a superuser:
// - the owner role owns the database and every table and runs migrations;
// - the app role logs in for the web app: not superuser, not owner, NOBYPASSRLS.
export const DEV_ROLES = {
  owner: { name: "mostrador_owner", password: "mostrador_owner_dev" },
  app: { name: "mostrador_app", password: "mostrador_app_dev" },
} as const;

type RoleSpec = { name: string; password: string };

/** The role named in a connection URL, with its password (production: from the operator's URLs). */
export function roleFromUrl(url: string): RoleSpec {
  const u = new URL(url);
  return { name: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

export async function ensureRolesAndDatabase(
  superuserUrl: string,
  database: string,
  roles: { owner: RoleSpec; app: RoleSpec } = DEV_ROLES,
): Promise<void> {
  const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    for (const [role, extra] of [
      [roles.owner, "NOSUPERUSER NOBYPASSRLS"],
      [roles.app, "NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT"],
    ] as const) {
      // Role names come from our constants or the operator's own URLs; DDL cannot bind
      // identifiers or passwords, so both are refused unless plain.
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role.name) || !/^[A-Za-z0-9_.~+-]{8,128}$/.test(role.password)) {
        throw new Error(`Rol o contraseña no admitidos para crear "${role.name}" (letras, números y _ . ~ + -; contraseña de 8 o más)`);
      }
      const [exists] = await sql`select 1 from pg_roles where rolname = ${role.name}`;
      if (!exists) await sql.unsafe(`create role ${role.name} login password '${role.password}' ${extra}`);
    }
    const [db] = await sql`select 1 from pg_database where datname = ${database}`;
    if (!db) await sql.unsafe(`create database "${database}" owner ${roles.owner.name}`);
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
