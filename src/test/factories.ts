import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { withTenant } from "../server/db/with-tenant";
import { createTenant } from "../server/tenancy/create-tenant";
import { inviteMember } from "../server/tenancy/invite-member";
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

export async function addMember(tenantId: string, role: Role) {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.local`;
  const { userId } = await withTenant(tenantId, (tx) =>
    inviteMember(tx, tenantId, { email, name: role, role, password: "password123" }, { role: "OWNER" }),
  );
  return { userId, email, password: "password123" };
}

/** Superuser connection to this test file's database, for catalog checks and breaking things on purpose. */
export function adminSql() {
  return postgres(process.env.TEST_ADMIN_DB_URL!, { max: 1, onnotice: () => {} });
}
