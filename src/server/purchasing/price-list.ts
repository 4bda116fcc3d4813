import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { CsvSyntaxError, parseCsv } from "@/lib/csv";
import { barcodeProblem } from "@/lib/barcode";
import { parseEsAr, toWire } from "@/lib/number";
import { dec } from "@/lib/decimal";
import { TENANT, type Actor, pgArray } from "./common";

// Supplier price-list import: parse (RFC 4180), validate every row with its line number,
// preview against current cost and price (one set-based lookup for all barcodes), then
// apply in one transaction: upsert by barcode (new products created, the supplier's cost
// and the sale price updated).

export const MAX_PRICE_LIST_ROWS = 20_000;

const HEADERS: Record<string, "barcode" | "name" | "price" | "unitsPerPack" | "salePrice"> = {
  codigo_barras: "barcode",
  codigo: "barcode",
  ean: "barcode",
  barcode: "barcode",
  nombre: "name",
  descripcion: "name",
  producto: "name",
  name: "name",
  precio: "price",
  precio_costo: "price",
  costo: "price",
  price: "price",
  unidades_por_bulto: "unitsPerPack",
  unidades: "unitsPerPack",
  units_per_pack: "unitsPerPack",
  precio_venta: "salePrice",
  sale_price: "salePrice",
};
const normHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

export type RowError = { row: number; field: string; message: string };
export type ParsedRow = { row: number; barcode: string; name: string; price: string; unitsPerPack: string; salePrice: string | null };

/**
 * A CSV cell read as es-AR text by the one parser ("1.100" is one thousand one hundred, as Excel
 * in Argentina writes it, never 1,10) → the canonical decimal; null when not a number.
 */
export function parseDecimal(raw: string): string | null {
  const r = parseEsAr(raw);
  return r.ok ? toWire(r.value) : null;
}

export function parsePriceList(text: string): { rows: ParsedRow[]; errors: RowError[]; total: number } {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { rows: [], errors: [{ row: e.line, field: "archivo", message: e.message }], total: 0 };
    throw e;
  }
  if (records.length === 0) return { rows: [], errors: [{ row: 1, field: "archivo", message: "El archivo está vacío." }], total: 0 };
  const header = records[0]!.fields.map((h) => HEADERS[normHeader(h)]);
  const col = (k: string) => header.indexOf(k as never);
  const missing = (["barcode", "name", "price", "unitsPerPack"] as const).filter((k) => col(k) === -1);
  if (missing.length) {
    const names = { barcode: "codigo_barras", name: "nombre", price: "precio", unitsPerPack: "unidades_por_bulto" };
    return {
      rows: [],
      errors: [{ row: 1, field: "encabezado", message: `Faltan columnas: ${missing.map((m) => names[m]).join(", ")}.` }],
      total: 0,
    };
  }
  const body = records.slice(1);
  if (body.length > MAX_PRICE_LIST_ROWS)
    return { rows: [], errors: [{ row: 1, field: "archivo", message: `Máximo ${MAX_PRICE_LIST_ROWS.toLocaleString("es-AR")} filas por archivo.` }], total: body.length };
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const [ib, inm, ip, iu, is] = [col("barcode"), col("name"), col("price"), col("unitsPerPack"), col("salePrice")];
  for (const rec of body) {
    const f = rec.fields;
    const row = rec.line;
    const rowErrors: RowError[] = [];
    const barcode = (f[ib] ?? "").trim();
    const name = (f[inm] ?? "").trim();
    const price = parseDecimal(f[ip] ?? "");
    const units = parseDecimal(f[iu] ?? "");
    const saleRaw = is >= 0 ? (f[is] ?? "").trim() : "";
    const salePrice = saleRaw ? parseDecimal(saleRaw) : null;
    // The same check as the product form (lib/barcode.ts), so a code accepted here is one the form accepts.
    const barcodeIssue = barcodeProblem(barcode);
    if (barcodeIssue) rowErrors.push({ row, field: "codigo_barras", message: barcodeIssue });
    else if (seen.has(barcode)) rowErrors.push({ row, field: "codigo_barras", message: `Código repetido (ya está en la fila ${seen.get(barcode)})` });
    if (name.length < 2) rowErrors.push({ row, field: "nombre", message: "Falta el nombre" });
    else if (name.length > 160) rowErrors.push({ row, field: "nombre", message: "El nombre supera 160 caracteres" });
    if (price === null || !dec(price).gt(0) || dec(price).gt("99999999999")) rowErrors.push({ row, field: "precio", message: "El precio debe ser un número mayor que cero" });
    if (units === null || !dec(units).gt(0) || dec(units).gt("99999999")) rowErrors.push({ row, field: "unidades_por_bulto", message: "Las unidades por bulto deben ser mayores que cero" });
    if (saleRaw && (salePrice === null || dec(salePrice).lt(0))) rowErrors.push({ row, field: "precio_venta", message: "Precio de venta inválido" });
    if (!barcodeIssue && !seen.has(barcode)) seen.set(barcode, row);
    if (rowErrors.length) errors.push(...rowErrors);
    else
      rows.push({
        row,
        barcode,
        name,
        price: dec(price!).toDecimalPlaces(4).toFixed(4),
        unitsPerPack: dec(units!).toDecimalPlaces(3).toFixed(3),
        salePrice: salePrice === null ? null : dec(salePrice).toDecimalPlaces(2).toFixed(2),
      });
  }
  return { rows, errors, total: body.length };
}

export const ZPriceListInput = z.object({
  supplierId: z.string().uuid("Elegí el proveedor"),
  csv: z.string().max(8_000_000, "El archivo es demasiado grande (máximo 8 MB)"),
});

export type PreviewRow = ParsedRow & {
  productId: string | null;
  currentName: string | null;
  /** Current cost per unit: this supplier's price, else the last lot's cost. */
  currentCost: string | null;
  newCost: string;
  costDiffPct: string | null;
  currentSalePrice: string | null;
  salePriceDiffPct: string | null;
};

const pct = (from: string | null, to: string | null) =>
  from !== null && to !== null && dec(from).gt(0) ? dec(to).minus(from).div(from).times(100).toDecimalPlaces(1).toFixed(1) : null;

/**
 * The statements below take whole arrays as parameters; a cached generic plan (built after a
 * few small lists on a pooled connection) assumes tiny arrays and nests loops over 10,000
 * rows. Plan each execution for its real sizes, for this transaction only.
 */
const customPlans = (tx: Tx) => tx.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true)`);

export async function previewPriceList(tx: Tx, raw: z.input<typeof ZPriceListInput>) {
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

/** Applies the list in one transaction; refuses if any row has an error. */
export async function applyPriceList(tx: Tx, raw: z.input<typeof ZPriceListInput>, _actor: Actor) {
  const v = ZPriceListInput.parse(raw);
  const preview = await previewPriceList(tx, v);
  if (preview.errors.length) {
    throw new AppError("VALIDATION", `La lista tiene ${preview.errors.length} ${preview.errors.length === 1 ? "error" : "errores"}: corregilos y volvé a subirla.`, {
      errors: preview.errors.slice(0, 100),
    });
  }
  if (preview.rows.length === 0) throw new AppError("VALIDATION", "La lista no tiene filas.");
  const fresh = preview.rows.filter((r) => !r.productId);
  if (fresh.length) {
    // New products: SKU = barcode (suffixed if that SKU is taken), sale price from the list or 0.
    await tx.execute(sql`
      with incoming as materialized (
        select gen_random_uuid() as id, t.* from unnest(${pgArray(fresh.map((r) => r.barcode), "text")}, ${pgArray(fresh.map((r) => r.name), "text")},
                             ${pgArray(fresh.map((r) => r.salePrice ?? "0"), "numeric")})
          as t(barcode, name, sale_price)
      ), taken as materialized (
        -- One pass over this tenant's SKUs, hash-joined (a per-row lookup on lower(sku) cannot
        -- use the index under RLS: lower() is not leakproof).
        select distinct lower(sku) as sku from products where tenant_id = ${TENANT}
      ), created as (
        insert into products (tenant_id, id, sku, name, sale_price)
        select ${TENANT}, i.id, case when t.sku is not null then i.barcode || '-' || substr(md5(random()::text), 1, 4) else i.barcode end,
               i.name, i.sale_price
        from incoming i left join taken t on t.sku = lower(i.barcode)
        returning id
      )
      insert into product_barcodes (tenant_id, product_id, barcode)
      select ${TENANT}, c.id, i.barcode from created c join incoming i on i.id = c.id`);
  }
  // Existing products: new sale price when the list has one.
  const priced = preview.rows.filter((r) => r.productId && r.salePrice !== null);
  if (priced.length) {
    await tx.execute(sql`
      update products p set sale_price = t.price, updated_at = now()
      from unnest(${pgArray(priced.map((r) => r.productId!), "uuid")}, ${pgArray(priced.map((r) => r.salePrice!), "numeric")}) as t(id, price)
      where p.tenant_id = ${TENANT} and p.id = t.id and p.sale_price <> t.price`);
  }
  // The supplier's price for every row.
  const all = preview.rows;
  await tx.execute(sql`
    insert into supplier_products (tenant_id, supplier_id, product_id, pack_cost, units_per_pack, updated_at)
    select ${TENANT}, ${v.supplierId}::uuid, b.product_id, t.price, t.units, now()
    from unnest(${pgArray(all.map((r) => r.barcode), "text")}, ${pgArray(all.map((r) => r.price), "numeric")}, ${pgArray(all.map((r) => r.unitsPerPack), "numeric")}) as t(barcode, price, units)
    join product_barcodes b on b.tenant_id = ${TENANT} and b.barcode = t.barcode
    on conflict (tenant_id, supplier_id, product_id) do update
      set pack_cost = excluded.pack_cost, units_per_pack = excluded.units_per_pack, updated_at = now()`);
  return { created: fresh.length, updated: preview.rows.length - fresh.length, total: preview.rows.length };
}


/** One supplier price (from a quote or a phone call): upsert of the supplier × product row. */
export async function setSupplierPrice(tx: Tx, input: { supplierId: string; productId: string; packCost: string; unitsPerPack?: string }) {
  await tx.execute(sql`
    insert into supplier_products (tenant_id, supplier_id, product_id, pack_cost, units_per_pack, updated_at)
    values (${TENANT}, ${input.supplierId}, ${input.productId}, ${input.packCost}::numeric, ${input.unitsPerPack ?? "1"}::numeric, now())
    on conflict (tenant_id, supplier_id, product_id) do update
      set pack_cost = excluded.pack_cost, units_per_pack = excluded.units_per_pack, updated_at = now()`);
}
