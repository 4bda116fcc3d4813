// Test-only helpers for POS integration tests (imported by *.test.ts files only).
import { randomUUID } from "node:crypto";
import { withTenant } from "../db/with-tenant";
import { createProduct } from "../catalog/create-product";
import { receiveStock } from "../inventory/receive-stock";
import { openCashSession } from "../cash/open-cash-session";
import type { TSaleInput } from "@/lib/schemas/sale";

export async function seedProduct(
  tenantId: string,
  userId: string,
  p: { name: string; price: string; barcode?: string; stock?: { warehouseId: string; quantity: string; unitCost: string; receivedAt?: Date }[]; isService?: boolean },
) {
  return withTenant(
    tenantId,
    async (tx) => {
      const { id } = await createProduct(
        tx,
        { sku: "SKU-" + randomUUID().slice(0, 8), name: p.name, salePrice: p.price, isService: p.isService ?? false, barcodes: p.barcode ? [p.barcode] : [] },
        { userId },
      );
      for (const s of p.stock ?? []) {
        await receiveStock(tx, { productId: id, warehouseId: s.warehouseId, quantity: s.quantity, unitCost: s.unitCost, receivedAt: s.receivedAt }, { userId });
      }
      return id;
    },
    { userId },
  );
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
