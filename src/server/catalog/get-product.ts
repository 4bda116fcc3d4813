import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT } from "../inventory/ledger";
import { qty, sum } from "@/lib/decimal";

/**
 * A product with its barcodes, stock per warehouse, open lots (soonest expiry first) and packs.
 * Purchase costs (lot unit costs) only with `withCosts` (roles that read stock, SPEC §2).
 */
export async function getProduct(tx: Tx, id: string, opts: { withCosts: boolean } = { withCosts: true }) {
  const [product] = await tx.execute<{
    id: string;
    sku: string;
    name: string;
    description: string | null;
    categoryId: string | null;
    categoryName: string | null;
    familyId: string | null;
    familyName: string | null;
    familyBaseUnit: string | null;
    conversionFactor: string | null;
    unit: string;
    salePrice: string;
    ivaRate: string;
    stockMin: string;
    stockIdeal: string;
    stockMax: string;
    isService: boolean;
    hasExpiry: boolean;
    trackBatches: boolean;
    metadata: Record<string, unknown>;
    active: boolean;
    barcodes: string[];
  }>(sql`
    select p.id, p.sku, p.name, p.description, p.category_id as "categoryId", c.name as "categoryName",
           p.family_id as "familyId", f.name as "familyName", f.base_unit as "familyBaseUnit", p.conversion_factor as "conversionFactor",
           p.unit, p.sale_price as "salePrice", p.iva_rate as "ivaRate", p.stock_min as "stockMin", p.stock_ideal as "stockIdeal",
           p.stock_max as "stockMax", p.is_service as "isService", p.has_expiry as "hasExpiry", p.track_batches as "trackBatches",
           p.metadata, p.active,
           coalesce((select array_agg(b.barcode order by b.barcode) from product_barcodes b where b.tenant_id = p.tenant_id and b.product_id = p.id), '{}') as barcodes
    from products p
    left join categories c on c.tenant_id = p.tenant_id and c.id = p.category_id
    left join product_families f on f.tenant_id = p.tenant_id and f.id = p.family_id
    where p.tenant_id = ${TENANT} and p.id = ${id}`);
  if (!product) throw new AppError("NOT_FOUND", "El producto no existe.", { productId: id });

  const stock = await tx.execute<{ warehouseId: string; warehouseName: string; quantity: string }>(sql`
    select w.id as "warehouseId", w.name as "warehouseName", coalesce(l.quantity, 0)::numeric(14,3)::text as quantity
    from warehouses w
    left join stock_levels l on l.tenant_id = w.tenant_id and l.warehouse_id = w.id and l.product_id = ${id}
    where w.tenant_id = ${TENANT} and (w.active or l.quantity <> 0)
    order by w.is_default desc, w.name`);
  const lots = await tx.execute<{
    id: string;
    warehouseId: string;
    warehouseName: string;
    lotNumber: string | null;
    quantity: string;
    initialQuantity: string;
    unitCost: string;
    receivedAt: string;
    expiresAt: string | null;
    daysToExpiry: number | null;
    isDeficit: boolean;
  }>(sql`
    select l.id, l.warehouse_id as "warehouseId", w.name as "warehouseName", l.lot_number as "lotNumber", l.quantity,
           l.initial_quantity as "initialQuantity", l.unit_cost as "unitCost", l.received_at::text as "receivedAt",
           l.expires_at::text as "expiresAt", (l.expires_at - (now() at time zone reports_tz())::date) as "daysToExpiry", l.is_deficit as "isDeficit"
    from lots l join warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id
    where l.tenant_id = ${TENANT} and l.product_id = ${id} and l.quantity <> 0
    order by l.expires_at asc nulls last, l.received_at, l.seq`);
  const packs = await tx.execute<{ id: string; role: "parent" | "child"; otherId: string; otherName: string; unitsPerParent: string }>(sql`
    select k.id, case when k.parent_product_id = ${id} then 'parent' else 'child' end as role,
           o.id as "otherId", o.name as "otherName", k.units_per_parent as "unitsPerParent"
    from packs k
    join products o on o.tenant_id = k.tenant_id and o.id = case when k.parent_product_id = ${id} then k.child_product_id else k.parent_product_id end
    where k.tenant_id = ${TENANT} and (k.parent_product_id = ${id} or k.child_product_id = ${id})`);
  const total = sum(stock.map((s) => s.quantity));
  const lotRows = opts.withCosts ? [...lots] : lots.map((l) => ({ ...l, unitCost: null as string | null }));
  return { product, stock: [...stock], lots: lotRows, packs: [...packs], totalStock: qty(total) };
}
