import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";

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

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

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
    const like = "%" + likeEscape(q) + "%";
    // Name: candidates from the trigram table (index lookups with `=`, usable under RLS),
    // then the exact substring check on those rows only; a search without any 3-letter
    // word scans names instead. SKU and barcode: exact, each on its own index. Each branch
    // stands alone so the planner can use its index (an OR across them would scan).
    const byName = /[\p{L}\p{N}]{3}/u.test(q)
      ? sql`select x.id from products x
          where x.tenant_id = ${TENANT} and lower(x.name) like ${like} and x.id in (
            select t.product_id from product_name_trigrams t
            where t.tenant_id = ${TENANT} and t.trigram = any(name_trigrams(${q}))
            group by t.product_id having count(*) = cardinality(name_trigrams(${q})))`
      : sql`select x.id from products x where x.tenant_id = ${TENANT} and lower(x.name) like ${like}`;
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

  // One pass: the page and the total (window count) together; a separate count only when
  // the page is past the end.
  const rows = await tx.execute<ProductRow & { total: number }>(sql`
    select p.id, p.sku, p.name, p.unit, p.sale_price as "salePrice", p.iva_rate as "ivaRate", p.stock_min as "stockMin",
           p.is_service as "isService", p.active, c.name as "categoryName", f.name as "familyName",
           coalesce((select sum(l.quantity) from stock_levels l where l.tenant_id = p.tenant_id and l.product_id = p.id), 0)::numeric(14,3)::text as stock,
           count(*) over ()::int as total
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
