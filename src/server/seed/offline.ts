import "server-only";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import type { DemoSeeder } from "./demo";

/** Offline POS demo data: a register used by the installable terminal (and its e2e). Idempotent. */
export const seedOffline: DemoSeeder = async ({ tenantId, warehouseId }) => {
  await withTenant(tenantId, async (tx) => {
    await tx.execute(sql`
      insert into registers (tenant_id, name, warehouse_id, afip_point_of_sale)
      values (${tenantId}, 'Caja Offline', ${warehouseId}, 3)
      on conflict (tenant_id, name) do nothing`);
  });
};
