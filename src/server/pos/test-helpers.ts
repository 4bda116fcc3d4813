// Test-only helpers for POS integration tests (imported by *.test.ts files only).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { receiveStock } from "../inventory/receive-stock";
import { openCashSession } from "../cash/open-cash-session";
import type { TSaleInput } from "@/lib/schemas/sale";

export async function seedProduct(
  tenantId: string,
  userId: string,
  p: { name: string; price: string; barcode?: string; stock?: { warehouseId: string; quantity: string; unitCost: string }[]; isService?: boolean },
) {
  const id = randomUUID();
  await withTenant(
    tenantId,
    async (tx) => {
      await tx.execute(sql`
        insert into products (tenant_id, id, sku, name, sale_price, iva_rate, is_service)
        values (${tenantId}, ${id}, ${"SKU-" + id.slice(0, 8)}, ${p.name}, ${p.price}, '21', ${p.isService ?? false})`);
      if (p.barcode) {
        await tx.execute(sql`insert into product_barcodes (tenant_id, product_id, barcode) values (${tenantId}, ${id}, ${p.barcode})`);
      }
      for (const s of p.stock ?? []) {
        await receiveStock(tx, { productId: id, warehouseId: s.warehouseId, quantity: s.quantity, unitCost: s.unitCost }, { userId });
      }
    },
    { userId },
  );
  return id;
}

export async function openSession(tenantId: string, userId: string, registerId: string, openingFloat = "0.00") {
  return withTenant(tenantId, (tx) => openCashSession(tx, { registerId, openingFloat }, { userId }), { userId });
}

export function saleInput(
  registerId: string,
  cashSessionId: string,
  lines: TSaleInput["lines"],
  payments: TSaleInput["payments"],
  extra: Partial<TSaleInput> = {},
): TSaleInput {
  return { id: randomUUID(), registerId, cashSessionId, createdAt: new Date().toISOString(), lines, payments, ...extra };
}
