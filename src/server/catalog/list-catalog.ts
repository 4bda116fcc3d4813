import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";

// Small lists for the catalog screens and selects. Each is one query.

export const ZListCategoriesResponse = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    parentId: z.uuid().nullable(),
    path: z.string(),
    depth: z.number(),
    active: z.boolean(),
    products: z.number(),
  }),
);
export type TListCategoriesResponse = z.infer<typeof ZListCategoriesResponse>;

export const ZListFamiliesResponse = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    baseUnit: z.enum(["unit", "g", "ml"]),
    targetStock: z.string(),
    active: z.boolean(),
    stockBase: z.string(),
    members: z.array(z.object({ id: z.uuid(), name: z.string(), factor: z.string(), stock: z.string() })),
  }),
);
export type TListFamiliesResponse = z.infer<typeof ZListFamiliesResponse>;

export const ZListPacksResponse = z.array(
  z.object({
    id: z.uuid(),
    parentId: z.uuid(),
    parentName: z.string(),
    childId: z.uuid(),
    childName: z.string(),
    unitsPerParent: z.string(),
    autoUnpack: z.boolean(),
    parentStock: z.string(),
    childStock: z.string(),
  }),
);
export type TListPacksResponse = z.infer<typeof ZListPacksResponse>;

export const ZListWarehousesResponse = z.array(
  z.object({ id: z.uuid(), name: z.string(), isDefault: z.boolean(), active: z.boolean(), products: z.number(), value: z.string() }),
);
export type TListWarehousesResponse = z.infer<typeof ZListWarehousesResponse>;

/** Categories as a flattened tree, with their full path ("Bebidas › Aguas"). */
export function listCategories(tx: Tx) {
  return tx.execute<{ id: string; name: string; parentId: string | null; path: string; depth: number; active: boolean; products: number }>(sql`
    with recursive tree as (
      select id, name, parent_id, active, name::text as path, 0 as depth from categories where tenant_id = ${TENANT} and parent_id is null
      union all
      select c.id, c.name, c.parent_id, c.active, tree.path || ' › ' || c.name, tree.depth + 1
      from categories c join tree on c.parent_id = tree.id where c.tenant_id = ${TENANT})
    select t.id, t.name, t.parent_id as "parentId", t.path, t.depth, t.active,
           (select count(*)::int from products p where p.tenant_id = ${TENANT} and p.category_id = t.id) as products
    from tree t order by t.path`);
}

/** Families with their stock in base units (Σ qty × factor) against the target. */
export function listFamilies(tx: Tx) {
  return tx.execute<{
    id: string;
    name: string;
    baseUnit: "g" | "ml" | "unit";
    targetStock: string;
    active: boolean;
    stockBase: string;
    members: { id: string; name: string; factor: string; stock: string }[];
  }>(sql`
    select f.id, f.name, f.base_unit as "baseUnit", f.target_stock as "targetStock", f.active,
           coalesce(sum(m.stock * m.factor), 0)::numeric(16,3)::text as "stockBase",
           coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'name', m.name, 'factor', m.factor::text, 'stock', m.stock::text) order by m.factor)
                    filter (where m.id is not null), '[]') as members
    from product_families f
    left join lateral (
      select p.id, p.name, p.conversion_factor as factor,
             coalesce((select sum(l.quantity) from stock_levels l where l.tenant_id = p.tenant_id and l.product_id = p.id), 0)::numeric(14,3) as stock
      from products p where p.tenant_id = f.tenant_id and p.family_id = f.id) m on true
    where f.tenant_id = ${TENANT}
    group by f.tenant_id, f.id order by f.name`);
}

export function listPacks(tx: Tx) {
  return tx.execute<{
    id: string;
    parentId: string;
    parentName: string;
    childId: string;
    childName: string;
    unitsPerParent: string;
    autoUnpack: boolean;
    parentStock: string;
    childStock: string;
  }>(sql`
    select k.id, pp.id as "parentId", pp.name as "parentName", cp.id as "childId", cp.name as "childName", k.units_per_parent as "unitsPerParent", k.auto_unpack as "autoUnpack",
           coalesce((select sum(quantity) from stock_levels l where l.tenant_id = k.tenant_id and l.product_id = pp.id), 0)::numeric(14,3)::text as "parentStock",
           coalesce((select sum(quantity) from stock_levels l where l.tenant_id = k.tenant_id and l.product_id = cp.id), 0)::numeric(14,3)::text as "childStock"
    from packs k
    join products pp on pp.tenant_id = k.tenant_id and pp.id = k.parent_product_id
    join products cp on cp.tenant_id = k.tenant_id and cp.id = k.child_product_id
    where k.tenant_id = ${TENANT} order by pp.name`);
}

export function listWarehouses(tx: Tx) {
  return tx.execute<{ id: string; name: string; isDefault: boolean; active: boolean; products: number; value: string }>(sql`
    select w.id, w.name, w.is_default as "isDefault", w.active,
           (select count(*)::int from stock_levels l where l.tenant_id = w.tenant_id and l.warehouse_id = w.id and l.quantity <> 0) as products,
           coalesce((select sum(quantity * unit_cost) from lots where tenant_id = w.tenant_id and warehouse_id = w.id), 0)::numeric(16,2)::text as value
    from warehouses w where w.tenant_id = ${TENANT} order by w.is_default desc, w.name`);
}
