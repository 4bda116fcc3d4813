import "server-only";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import type { DemoSeeder } from "./demo";

/** POS demo data: a second register and a few customers (for Factura A). Idempotent. */
export const seedPos: DemoSeeder = async ({ tenantId, warehouseId }) => {
  await withTenant(tenantId, async (tx) => {
    await tx.execute(sql`
      insert into registers (tenant_id, name, warehouse_id, afip_point_of_sale)
      values (${tenantId}, 'Caja 2', ${warehouseId}, 2)
      on conflict (tenant_id, name) do nothing`);
    const customers = [
      ["CUIT", "30712345679", "Eventos del Sur S.A.", "RESPONSABLE_INSCRIPTO", "Av. Colón 1234, Córdoba"],
      ["CUIT", "20304050607", "Martina López", "MONOTRIBUTO", "San Martín 455, Mendoza"],
      ["DNI", "28765432", "Juan Pérez", "CONSUMIDOR_FINAL", null],
    ] as const;
    for (const [docType, docNumber, name, iva, address] of customers) {
      await tx.execute(sql`
        insert into customers (tenant_id, doc_type, doc_number, name, iva_condition, address)
        values (${tenantId}, ${docType}, ${docNumber}, ${name}, ${iva}, ${address})
        on conflict (tenant_id, doc_type, doc_number) do nothing`);
    }
  });
};
