import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { withTenant } from "../server/db/with-tenant";
import { createProduct } from "../server/catalog/create-product";
import { createPack } from "../server/catalog/create-pack";
import { createWarehouse } from "../server/catalog/create-warehouse";
import type { TProductInput } from "../lib/schemas/product";

/** A product created through the catalog service. */
export async function makeProduct(tenantId: string, overrides: Partial<TProductInput> = {}) {
  const sku = overrides.sku ?? `SKU-${randomUUID().slice(0, 8)}`;
  const { id } = await withTenant(tenantId, (tx) =>
    createProduct(tx, { sku, name: overrides.name ?? `Producto ${sku}`, salePrice: "100", ...overrides }, { userId: null }),
  );
  return id;
}

export async function makeWarehouse(tenantId: string, name = `Depósito ${randomUUID().slice(0, 6)}`) {
  const { id } = await withTenant(tenantId, (tx) => createWarehouse(tx, { name }, { userId: null }));
  return id;
}

export async function makePack(tenantId: string, parentProductId: string, childProductId: string, unitsPerParent: string) {
  return withTenant(tenantId, (tx) => createPack(tx, { parentProductId, childProductId, unitsPerParent }, { userId: null }));
}

/** Stock of a product in a warehouse, as the level row and as Σ lots. */
export async function stockOf(tenantId: string, productId: string, warehouseId: string) {
  return withTenant(tenantId, async (tx) => {
    const [r] = await tx.execute<{ level: string | null; lots: string | null }>(sql`
      select (select quantity from stock_levels where product_id = ${productId} and warehouse_id = ${warehouseId}) as level,
             (select sum(quantity) from lots where product_id = ${productId} and warehouse_id = ${warehouseId}) as lots`);
    return { level: r!.level ?? "0.000", lots: r!.lots ?? "0.000" };
  });
}

export async function lotsOf(tenantId: string, productId: string, warehouseId?: string) {
  return withTenant(tenantId, (tx) =>
    tx.execute<{
      id: string;
      warehouse_id: string;
      lot_number: string | null;
      quantity: string;
      initial_quantity: string;
      unit_cost: string;
      expires_at: string | null;
      origin_lot_id: string | null;
      is_deficit: boolean;
    }>(sql`
      select id, warehouse_id, lot_number, quantity, initial_quantity, unit_cost, expires_at::text as expires_at, origin_lot_id, is_deficit
      from lots where product_id = ${productId} ${warehouseId ? sql`and warehouse_id = ${warehouseId}` : sql``}
      order by created_at, lot_number`),
  );
}

export async function movementsOf(tenantId: string, productId: string) {
  return withTenant(tenantId, (tx) =>
    tx.execute<{
      type: string;
      warehouse_id: string;
      lot_id: string | null;
      quantity: string;
      unit_cost: string;
      stock_before: string;
      stock_after: string;
      destination_type: string | null;
      reference: string | null;
      counterpart_warehouse_id: string | null;
      is_shortfall: boolean;
      operation_id: string;
      user_id: string | null;
    }>(sql`
      select type, warehouse_id, lot_id, quantity, unit_cost, stock_before, stock_after, destination_type, reference,
             counterpart_warehouse_id, is_shortfall, operation_id, user_id
      from stock_movements where product_id = ${productId} order by seq`),
  );
}

/** Every level row against Σ of its lots, for the whole tenant: returns the mismatches. */
export async function levelMismatches(tenantId: string) {
  return withTenant(tenantId, (tx) =>
    tx.execute<{ product_id: string; warehouse_id: string; level: string; lots: string }>(sql`
      select coalesce(l.product_id, s.product_id) as product_id, coalesce(l.warehouse_id, s.warehouse_id) as warehouse_id,
             coalesce(l.quantity, 0) as level, coalesce(s.total, 0) as lots
      from stock_levels l
      full join (select product_id, warehouse_id, sum(quantity) as total from lots group by 1, 2) s
        on s.product_id = l.product_id and s.warehouse_id = l.warehouse_id
      where coalesce(l.quantity, 0) <> coalesce(s.total, 0)`),
  );
}
