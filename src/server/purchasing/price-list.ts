import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { dec } from "@/lib/decimal";
import { TENANT, type Actor, pgArray } from "./common";
import { parsePriceList } from "./parse-price-list";

// Supplier price-list import: parse (RFC 4180), validate every row with its line number,
// preview against current cost and price (one set-based lookup for all barcodes), then
// apply in one set-based statement: upsert by barcode (new products created, the supplier's
// cost and the sale price updated). A list with rejected rows is applied only when the person
// chooses "apply the valid rows" (applyValidOnly); the rejected rows are returned to list them.

export const ZPriceListInput = z.object({
  supplierId: z.string().uuid("Elegí el proveedor"),
  csv: z.string().max(8_000_000, "El archivo es demasiado grande (máximo 8 MB)"),
  /** Apply the valid rows and leave out the rejected ones (an explicit choice in the UI). */
  applyValidOnly: z.boolean().default(false),
});

const ZRowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
const ZPreviewRow = z.object({
  row: z.number().int(),
  barcode: z.string(),
  name: z.string(),
  price: z.string(),
  unitsPerPack: z.string(),
  salePrice: z.string().nullable(),
  productId: z.uuid().nullable(),
  currentName: z.string().nullable(),
  currentCost: z.string().nullable(),
  newCost: z.string(),
  costDiffPct: z.string().nullable(),
  currentSalePrice: z.string().nullable(),
  salePriceDiffPct: z.string().nullable(),
});
/** A parsed row beside the product it matches (by barcode) and the differences. */
export type PreviewRow = z.infer<typeof ZPreviewRow>;
export const ZPreviewPriceListResponse = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  errors: z.array(ZRowError),
  newProducts: z.number().int(),
  updatedProducts: z.number().int(),
  rows: z.array(ZPreviewRow),
});
export type TPreviewPriceListResponse = z.infer<typeof ZPreviewPriceListResponse>;
export const ZApplyPriceListResponse = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  total: z.number().int(),
  /** Rows left out (applyValidOnly); 0 when the whole list was applied. */
  rejectedRows: z.number().int(),
});
export type TApplyPriceListResponse = z.infer<typeof ZApplyPriceListResponse>;

const pct = (from: string | null, to: string | null) =>
  from !== null && to !== null && dec(from).gt(0) ? dec(to).minus(from).div(from).times(100).toDecimalPlaces(1).toFixed(1) : null;

/**
 * The statements below take whole arrays as parameters; a cached generic plan (built after a
 * few small lists on a pooled connection) assumes tiny arrays and nests loops over 10,000
 * rows. Plan each execution for its real sizes, for this transaction only.
 */
const customPlans = (tx: Tx) => tx.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true)`);

export async function previewPriceList(tx: Tx, raw: z.input<typeof ZPriceListInput>): Promise<TPreviewPriceListResponse> {
  const v = ZPriceListInput.parse(raw);
  await customPlans(tx);
  const [supplier] = await tx.execute<{ id: string }>(sql`select id from suppliers where id = ${v.supplierId}`);
  if (!supplier) throw new AppError("NOT_FOUND", "El proveedor no existe.", { field: "supplierId" });
  const parsed = parsePriceList(v.csv);
  const barcodes = parsed.rows.map((r) => r.barcode);
  const existing = new Map<string, { product_id: string; name: string; sale_price: string; current_cost: string | null }>();
  if (barcodes.length) {
    const found = await tx.execute<{ barcode: string; product_id: string; name: string; sale_price: string; current_cost: string | null }>(sql`
      with wanted as (select unnest(${pgArray(barcodes, "text")}) as barcode),
      matched as (
        select b.barcode, p.id as product_id, p.name, p.sale_price
        from wanted w join product_barcodes b on b.tenant_id = ${TENANT} and b.barcode = w.barcode
        join products p on p.tenant_id = b.tenant_id and p.id = b.product_id
      ), last_lot as (
        select distinct on (l.product_id) l.product_id, l.unit_cost from lots l
        where l.tenant_id = ${TENANT} and not l.is_deficit and l.product_id in (select product_id from matched)
        order by l.product_id, l.received_at desc
      )
      select m.barcode, m.product_id, m.name, m.sale_price::text,
             coalesce(round(sp.pack_cost / sp.units_per_pack, 4), ll.unit_cost)::text as current_cost
      from matched m
      left join supplier_products sp on sp.tenant_id = ${TENANT} and sp.supplier_id = ${v.supplierId} and sp.product_id = m.product_id
      left join last_lot ll on ll.product_id = m.product_id`);
    for (const r of found) existing.set(r.barcode, r);
  }
  const rows: PreviewRow[] = parsed.rows.map((r) => {
    const e = existing.get(r.barcode);
    const newCost = dec(r.price).div(r.unitsPerPack).toDecimalPlaces(4).toFixed(4);
    return {
      ...r,
      productId: e?.product_id ?? null,
      currentName: e?.name ?? null,
      currentCost: e?.current_cost ?? null,
      newCost,
      costDiffPct: pct(e?.current_cost ?? null, newCost),
      currentSalePrice: e?.sale_price ?? null,
      salePriceDiffPct: pct(e?.sale_price ?? null, r.salePrice),
    };
  });
  return {
    total: parsed.total,
    valid: rows.length,
    errors: parsed.errors,
    newProducts: rows.filter((r) => !r.productId).length,
    updatedProducts: rows.filter((r) => r.productId).length,
    rows,
  };
}

/**
 * Applies the list: with rejected rows, refuses unless `applyValidOnly`, and then applies the
 * valid ones and says how many rows were left out. Parsing and every check run first, in
 * memory; then ONE set-based statement stages the rows (unnest of typed arrays, matched to
 * the catalog by barcode once), creates the new products with their barcodes, updates sale
 * prices that changed and upserts the supplier's prices. Row locks on the catalog are taken
 * only by that statement and held until the caller commits right after, so a 10,000-row list
 * blocks product edits for about a second, not for the whole import.
 */
export async function applyPriceList(tx: Tx, raw: z.input<typeof ZPriceListInput>, _actor: Actor): Promise<TApplyPriceListResponse> {
  const v = ZPriceListInput.parse(raw);
  const parsed = parsePriceList(v.csv);
  const rejectedRows = new Set(parsed.errors.map((e) => e.row)).size;
  if (parsed.errors.length && !v.applyValidOnly) {
    throw new AppError("VALIDATION", `La lista tiene ${parsed.errors.length} ${parsed.errors.length === 1 ? "error" : "errores"}: corregilos y volvé a subirla, o aplicá solo las filas válidas.`, {
      errors: parsed.errors.slice(0, 100),
    });
  }
  await customPlans(tx);
  const [supplier] = await tx.execute<{ id: string }>(sql`select id from suppliers where id = ${v.supplierId}`);
  if (!supplier) throw new AppError("NOT_FOUND", "El proveedor no existe.", { field: "supplierId" });
  const rows = parsed.rows;
  if (rows.length === 0) throw new AppError("VALIDATION", rejectedRows ? "Ninguna fila de la lista es válida." : "La lista no tiene filas.");
  // Two imports of one business queue instead of racing for the same new barcodes.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('price-list:' || ${TENANT}::text, 0))`);
  const [res] = await tx.execute<{ created: number; updated: number }>(sql`
    with incoming as materialized (
      select t.barcode, t.name, t.price, t.units, sp.sale_price, b.product_id
      from unnest(${pgArray(rows.map((r) => r.barcode), "text")}, ${pgArray(rows.map((r) => r.name), "text")},
                  ${pgArray(rows.map((r) => r.price), "numeric")}, ${pgArray(rows.map((r) => r.unitsPerPack), "numeric")},
                  ${pgArray(rows.map((r) => r.salePrice ?? ""), "text")})
        as t(barcode, name, price, units, sale_price_text)
      cross join lateral (select nullif(t.sale_price_text, '')::numeric as sale_price) sp
      left join product_barcodes b on b.tenant_id = ${TENANT} and b.barcode = t.barcode
    ),
    fresh as materialized (
      select gen_random_uuid() as id, i.barcode, i.name, coalesce(i.sale_price, 0) as sale_price,
             row_number() over (partition by lower(i.barcode) order by i.barcode) as dup
      from incoming i where i.product_id is null
    ),
    taken as materialized (
      -- One pass over this tenant's SKUs, hash-joined (a per-row lookup on lower(sku) cannot
      -- use the index under RLS: lower() is not leakproof).
      select distinct lower(sku) as sku from products where tenant_id = ${TENANT}
    ),
    created as (
      -- New products: SKU = barcode (suffixed if that SKU is taken), sale price from the list or 0.
      insert into products (tenant_id, id, sku, name, sale_price)
      select ${TENANT}, f.id, case when t.sku is not null or f.dup > 1 then f.barcode || '-' || substr(md5(random()::text), 1, 4) else f.barcode end,
             f.name, f.sale_price
      from fresh f left join taken t on t.sku = lower(f.barcode)
      returning id
    ),
    coded as (
      -- Every fresh row is created above; no join with "created": the planner, which
      -- estimates one fresh row, nested-looped it (25 million comparisons, 7 s). The foreign
      -- key is checked at the end of the statement, when the products exist.
      insert into product_barcodes (tenant_id, product_id, barcode)
      select ${TENANT}, f.id, f.barcode from fresh f
    ),
    priced as (
      -- Existing products: the list's sale price when it has one and it changed.
      update products p set sale_price = i.sale_price, updated_at = now()
      from incoming i
      where i.product_id is not null and i.sale_price is not null and p.tenant_id = ${TENANT} and p.id = i.product_id and p.sale_price <> i.sale_price
    ),
    supplied as (
      -- The supplier's price for every row.
      insert into supplier_products (tenant_id, supplier_id, product_id, pack_cost, units_per_pack, updated_at)
      select ${TENANT}, ${v.supplierId}::uuid, coalesce(i.product_id, f.id), i.price, i.units, now()
      from incoming i left join fresh f on f.barcode = i.barcode
      on conflict (tenant_id, supplier_id, product_id) do update
        set pack_cost = excluded.pack_cost, units_per_pack = excluded.units_per_pack, updated_at = now()
    )
    select (select count(*) from fresh)::int as created, (select count(*) from incoming where product_id is not null)::int as updated`);
  return { created: res!.created, updated: res!.updated, total: rows.length, rejectedRows };
}

/** One supplier price (from a quote or a phone call): upsert of the supplier × product row. */
export async function setSupplierPrice(tx: Tx, input: { supplierId: string; productId: string; packCost: string; unitsPerPack?: string }) {
  await tx.execute(sql`
    insert into supplier_products (tenant_id, supplier_id, product_id, pack_cost, units_per_pack, updated_at)
    values (${TENANT}, ${input.supplierId}, ${input.productId}, ${input.packCost}::numeric, ${input.unitsPerPack ?? "1"}::numeric, now())
    on conflict (tenant_id, supplier_id, product_id) do update
      set pack_cost = excluded.pack_cost, units_per_pack = excluded.units_per_pack, updated_at = now()`);
}
