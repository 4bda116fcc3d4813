import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { withAnonymous, withTenant } from "../db/with-tenant";
import { createTenant } from "../tenancy/create-tenant";
import { seedMember } from "../tenancy/seed-member";
import type { Role } from "@/lib/permissions";

/** A business the demo seed can create: the demo itself, or an e2e spec's own copy of it. */
export type DemoBusiness = {
  slug: string;
  businessName: string;
  password: string;
  users: { email: string; name: string; role: Role }[];
  /** The fiscal settings' CUIT (the fake ARCA keeps numbering per CUIT); the demo's when absent. */
  cuit?: string;
};

export const DEMO: DemoBusiness = {
  slug: "demo",
  businessName: "Hotel Mostrador Demo",
  password: "demo1234",
  users: [
    { email: "duenio@demo.test", name: "Dueña Demo", role: "OWNER" },
    { email: "encargado@demo.test", name: "Encargado Demo", role: "MANAGER" },
    { email: "supervisor@demo.test", name: "Supervisora Demo", role: "SUPERVISOR" },
    { email: "cajero@demo.test", name: "Cajero Demo", role: "CASHIER" },
  ],
};

/** Domain seeders that later areas register (catalog, lots, suppliers…); each must be idempotent. */
export type DemoSeeder = (ctx: { tenantId: string; ownerId: string; warehouseId: string; business?: DemoBusiness }) => Promise<void>;

/**
 * Creates the demo tenant through the same services the UI uses. Idempotent. `business` names
 * another copy of it (the e2e specs each seed their own: scripts/e2e-server.ts).
 */
export async function seedDemo(extra: DemoSeeder[] = [], business: DemoBusiness = DEMO): Promise<{ tenantId: string; created: boolean }> {
  const existing = await withAnonymous(async (tx) => {
    const rows = await tx.execute<{ id: string | null }>(sql`select tenant_id_by_slug(${business.slug}) as id`);
    return rows[0]?.id ?? null;
  });
  let tenantId = existing;
  let created = false;
  if (!tenantId) {
    tenantId = randomUUID();
    const ownerId = randomUUID();
    const [owner, ...others] = business.users;
    await withTenant(
      tenantId,
      async (tx) => {
        await createTenant(
          tx,
          { tenantId: tenantId!, businessName: business.businessName, kind: "HOTEL", slug: business.slug },
          { kind: "new", userId: ownerId, name: owner!.name, email: owner!.email, password: business.password },
        );
        for (const u of others) {
          await seedMember(tx, { ...u, password: business.password }, { userId: ownerId, tenantId: tenantId!, tenantName: business.businessName });
        }
      },
      { userId: ownerId },
    );
    created = true;
  }
  const ctx = await withTenant(tenantId, async (tx) => {
    const rows = await tx.execute<{ owner_id: string; warehouse_id: string }>(sql`
      select (select user_id from memberships where role = 'OWNER' order by created_at limit 1) as owner_id,
             (select id from warehouses where is_default limit 1) as warehouse_id`);
    return rows[0]!;
  });
  for (const seeder of extra) await seeder({ tenantId, ownerId: ctx.owner_id, warehouseId: ctx.warehouse_id, business });
  return { tenantId, created };
}
