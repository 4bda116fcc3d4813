import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { withTenant } from "../server/db/with-tenant";
import { createTenant } from "../server/tenancy/create-tenant";
import { seedMember } from "../server/tenancy/seed-member";
import type { Role } from "../lib/permissions";

/** A tenant with its owner, default warehouse and register, created through the real service. */
export async function makeTenant(name = "Negocio") {
  const tenantId = randomUUID();
  const ownerId = randomUUID();
  const slug = `t-${tenantId.slice(0, 8)}`;
  const email = `owner-${tenantId.slice(0, 8)}@test.local`;
  const { warehouseId } = await withTenant(
    tenantId,
    (tx) =>
      createTenant(
        tx,
        { tenantId, businessName: name, kind: "RETAIL", slug },
        { kind: "new", userId: ownerId, name: "Owner", email, password: "password123" },
      ),
    { userId: ownerId },
  );
  return { tenantId, ownerId, slug, email, warehouseId, password: "password123" };
}

/** A new person invited with `role` who accepted by creating their account (the real flow). */
export async function addMember(tenantId: string, role: Role) {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.local`;
  const inviter = await withTenant(tenantId, async (tx) => (await tx.execute<{ user_id: string }>(sql`select user_id from memberships where role = 'OWNER' limit 1`))[0]!.user_id);
  const userId = await withTenant(tenantId, (tx) => seedMember(tx, { email, name: role, role, password: "password123" }, { userId: inviter, tenantId }), {
    userId: inviter,
  });
  return { userId: userId!, email, password: "password123" };
}

/** Superuser connection to this test file's database, for catalog checks and breaking things on purpose. */
export function adminSql() {
  return postgres(process.env.TEST_ADMIN_DB_URL!, { max: 1, onnotice: () => {} });
}
