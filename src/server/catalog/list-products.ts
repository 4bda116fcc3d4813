import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { exec, TENANT } from "../inventory/ledger";
import { containsPattern, hasTrigram, rarestTrigram } from "../db/name-search";
import { productNameSearch } from "../db/schema/search";

export const ZListProductsInput = z.object({
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(200).default(25),
  sort: z.enum(["name", "sku", "salePrice", "stock", "updatedAt"]).default("name"),
  desc: z.boolean().default(false),
  /** Name (contains, trigram-indexed), exact SKU or exact barcode. */
  search: z.string().trim().max(100).optional(),
  categoryId: z.string().uuid().optional(),
  familyId: z.string().uuid().optional(),
  lowStock: z.boolean().optional(),
  includeInactive: z.boolean().optional(),
});
export type TListProductsInput = z.input<typeof ZListProductsInput>;

export type ProductRow = {
  id: string;
  sku: string;
  name: string;
  unit: string;
  salePrice: string;
  ivaRate: string;
  stock: string;
  stockMin: string;
  isService: boolean;
  active: boolean;
  categoryName: string | null;
  familyName: string | null;
};


const COLUMNS = sql`p.id, p.sku, p.name, p.unit, p.sale_price as "salePrice", p.iva_rate as "ivaRate", p.stock_min as "stockMin",
  p.is_service as "isService", p.active, c.name as "categoryName", f.name as "familyName",
  coalesce((select sum(l.quantity) from stock_levels l where l.tenant_id = p.tenant_id and l.product_id = p.id), 0)::numeric(14,3)::text as stock`;

export const ZListProductsResponse = z.object({
  rows: z.array(
    z.object({
      id: z.uuid(),
      sku: z.string(),
      name: z.string(),
      unit: z.string(),
      salePrice: z.string(),
      ivaRate: z.string(),
      stock: z.string(),
      stockMin: z.string(),
      isService: z.boolean(),
      active: z.boolean(),
      categoryName: z.string().nullable(),
      familyName: z.string().nullable(),
    }),
  ),
  total: z.number(),
});
export type TListProductsResponse = z.infer<typeof ZListProductsResponse>;

/** One page of the catalog with stock (Σ warehouses), filtered and sorted in SQL. */
export async function listProducts(tx: Tx, raw: TListProductsInput): Promise<{ rows: ProductRow[]; total: number }> {
  const input = ZListProductsInput.parse(raw);
  const where: SQL[] = [sql`p.tenant_id = ${TENANT}`];
  if (!input.includeInactive) where.push(sql`p.active`);
  if (input.categoryId) {
    // The category and its descendants.
    where.push(sql`p.category_id in (
      with recursive tree as (
        select id from categories where tenant_id = ${TENANT} and id = ${input.categoryId}
        union all select c.id from categories c join tree on c.parent_id = tree.id where c.tenant_id = ${TENANT})
      select id from tree)`);
  }
  if (input.familyId) where.push(sql`p.family_id = ${input.familyId}`);
  if (input.search) {
    const q = input.search.toLowerCase();
    const like = containsPattern(q);
    if (hasTrigram(q) && !input.includeInactive && !input.categoryId && !input.familyId && !input.lowStock && input.sort === "name") {
      return searchByName(tx, input, q, like);
    }
    // Name: candidates from a trigram side table (index lookups with `=`, usable under RLS),
    // then the exact substring check; a search without any 3-letter word scans names
    // instead. Active products: the covering name index (product_name_search); inactive
    // too: the inventory's trigram table. SKU and barcode: exact, each on its own index.
    // Each branch stands alone so the planner can use its index (an OR across them would scan).
    const byName = !hasTrigram(q)
      ? sql`select x.id from products x where x.tenant_id = ${TENANT} and lower(x.name) like ${like}`
      : !input.includeInactive
        ? sql`select s.product_id from product_name_search s
            where s.tenant_id = ${TENANT} and s.trigram = ${rarestTrigram(productNameSearch, q)} and s.name_key like ${like}`
        : sql`select x.id from products x
            where x.tenant_id = ${TENANT} and lower(x.name) like ${like} and x.id in (
              select t.product_id from product_name_trigrams t
              where t.tenant_id = ${TENANT} and t.trigram = any(name_trigrams(${q}))
              group by t.product_id having count(*) = cardinality(name_trigrams(${q})))`;
    where.push(sql`p.id in (
      ${byName}
      union select x.id from products x where x.tenant_id = ${TENANT} and x.sku in (${input.search}, ${input.search.toUpperCase()}, ${q})
      union select b.product_id from product_barcodes b where b.tenant_id = ${TENANT} and b.barcode = ${input.search})`);
  }
  const needsStockEverywhere = input.lowStock || input.sort === "stock";
  if (input.lowStock) where.push(sql`not p.is_service and p.stock_min > 0 and coalesce(s.qty, 0) <= p.stock_min`);
  const whereSql = sql.join(where, sql` and `);
  const stockJoin = needsStockEverywhere
    ? sql`left join (select product_id, sum(quantity) as qty from stock_levels where tenant_id = ${TENANT} group by product_id) s on s.product_id = p.id`
    : sql``;

  const dir = input.desc ? sql`desc` : sql`asc`;
  const order = {
    name: sql`lower(p.name) ${dir}, p.id`,
    sku: sql`lower(p.sku) ${dir}, p.id`,
    salePrice: sql`p.sale_price ${dir}, p.id`,
    stock: sql`coalesce(s.qty, 0) ${dir}, p.id`,
    updatedAt: sql`p.updated_at ${dir}, p.id`,
  }[input.sort];

  if (!input.search && !needsStockEverywhere && input.sort === "name") {
    // The catalog as first opened: the page walks products_active_name_idx in order and the
    // total counts that index only (a window count would read every product row).
    const rows = await tx.execute<ProductRow>(sql`
      select ${COLUMNS}
      from products p
      left join categories c on c.tenant_id = p.tenant_id and c.id = p.category_id
      left join product_families f on f.tenant_id = p.tenant_id and f.id = p.family_id
      where ${whereSql}
      order by ${order}
      limit ${input.pageSize} offset ${input.page * input.pageSize}`);
    const [c] = await tx.execute<{ total: number }>(sql`select count(*)::int as total from products p where ${whereSql}`);
    return { rows: [...rows], total: c?.total ?? 0 };
  }

  // One pass: the page and the total (window count) together; a separate count only when
  // the page is past the end.
  const rows = await tx.execute<ProductRow & { total: number }>(sql`
    select ${COLUMNS}, count(*) over ()::int as total
    from products p
    ${stockJoin}
    left join categories c on c.tenant_id = p.tenant_id and c.id = p.category_id
    left join product_families f on f.tenant_id = p.tenant_id and f.id = p.family_id
    where ${whereSql}
    order by ${order}
    limit ${input.pageSize} offset ${input.page * input.pageSize}`);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && input.page > 0) {
    const [c] = await tx.execute<{ total: number }>(sql`select count(*)::int as total from products p ${stockJoin} where ${whereSql}`);
    total = c?.total ?? 0;
  }
  const page = rows.map(({ total: _t, ...r }) => r);
  return { rows: page, total };
}


/**
 * The hot path (the catalog's search box): active products whose name contains the text,
 * by name. Matches, their count and their order all come from one slice of the covering
 * name index (the rarest trigram's); products are read only for the page shown.
 */
async function searchByName(tx: Tx, input: z.output<typeof ZListProductsInput>, q: string, like: string) {
  const dir = input.desc ? sql`desc` : sql`asc`;
  const matches = sql`
    select s.product_id as id, s.name_key from product_name_search s
    where s.tenant_id = ${TENANT} and s.trigram = ${rarestTrigram(productNameSearch, q)} and s.name_key like ${like}
    union
    select x.id, lower(x.name) from products x
    where x.tenant_id = ${TENANT} and x.active and x.sku in (${input.search}, ${input.search!.toUpperCase()}, ${q})
    union
    select x.id, lower(x.name) from product_barcodes b join products x on x.tenant_id = b.tenant_id and x.id = b.product_id
    where b.tenant_id = ${TENANT} and b.barcode = ${input.search} and x.active`;
  // Prepared (per connection): the search box runs this on every keystroke; planning it each
  // time cost as much as running it.
  const rows = await exec<ProductRow & { total: number }>(tx, sql`
    with m as (${matches}),
    pg as (select id, name_key, count(*) over ()::int as total from m order by name_key ${dir}, id limit ${input.pageSize} offset ${input.page * input.pageSize})
    select ${COLUMNS}, pg.total
    from pg join products p on p.tenant_id = ${TENANT} and p.id = pg.id
    left join categories c on c.tenant_id = p.tenant_id and c.id = p.category_id
    left join product_families f on f.tenant_id = p.tenant_id and f.id = p.family_id
    order by pg.name_key ${dir}, pg.id`);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && input.page > 0) {
    const [c] = await tx.execute<{ total: number }>(sql`select count(*)::int as total from (${matches}) m`);
    total = c?.total ?? 0;
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}
