import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";

export const ZListPurchaseCatalogInput = z
  .object({ search: z.string().max(80).optional(), supplierId: z.uuid().optional() })
  .optional();
export type TListPurchaseCatalogInput = z.infer<typeof ZListPurchaseCatalogInput>;

export const ZListPurchaseCatalogResponse = z.object({
  products: z.array(
    z.object({ id: z.string(), name: z.string(), sku: z.string(), unit: z.string(), hasExpiry: z.boolean(), lastCost: z.string().nullable() }),
  ),
  warehouses: z.array(z.object({ id: z.string(), name: z.string(), isDefault: z.boolean() })),
});
export type TListPurchaseCatalogResponse = z.infer<typeof ZListPurchaseCatalogResponse>;

/** Products and warehouses for the order and receipt forms. */
export async function listPurchaseCatalog(tx: Tx, input: TListPurchaseCatalogInput): Promise<TListPurchaseCatalogResponse> {
  const q = input?.search?.trim().toLowerCase();
  // last_cost: this supplier's price per unit when known, else the newest lot's cost.
  const products = await tx.execute<{ id: string; name: string; sku: string; unit: string; has_expiry: boolean; last_cost: string | null }>(sql`
    select p.id, p.name, p.sku, p.unit, p.has_expiry,
           coalesce(
             ${input?.supplierId ? sql`(select round(sp.pack_cost / sp.units_per_pack, 4)::text from supplier_products sp where sp.supplier_id = ${input.supplierId} and sp.product_id = p.id)` : sql`null`},
             (select unit_cost::text from lots l where l.product_id = p.id and not l.is_deficit order by received_at desc limit 1)) as last_cost
    from products p where p.active and not p.is_service
      ${q ? sql`and (lower(p.name) like ${"%" + q + "%"} or lower(p.sku) like ${"%" + q + "%"})` : sql``}
    order by lower(p.name) limit 200`);
  const warehouses = await tx.execute<{ id: string; name: string; is_default: boolean }>(
    sql`select id, name, is_default from warehouses where active order by is_default desc, name`,
  );
  return {
    products: products.map((p) => ({ id: p.id, name: p.name, sku: p.sku, unit: p.unit, hasExpiry: p.has_expiry, lastCost: p.last_cost })),
    warehouses: warehouses.map((w) => ({ id: w.id, name: w.name, isDefault: w.is_default })),
  };
}
