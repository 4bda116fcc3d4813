import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "@/test/factories";
import { makeProduct } from "@/test/inventory";
import { addStock, makeSupplier } from "@/test/purchasing";
import { barcodeProblem, withCheckDigit } from "@/lib/barcode";
import { ZProductInput } from "@/lib/schemas/product";
import { listProducts } from "../catalog/list-products";
import { getCatalogDelta } from "../offline/get-catalog-delta";
import { applyPriceList, previewPriceList } from "./price-list";
import { parsePriceList } from "./parse-price-list";

const actor = { userId: null };
const ean = (n: number) => withCheckDigit(`779${String(n).padStart(9, "0")}`);

describe("price list import", () => {
  it("previews differences against current cost and price, then applies in one transaction (upsert by barcode)", async () => {
    const { tenantId, warehouseId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId);
    const existing = await makeProduct(tenantId, { name: "Yerba 1 kg", salePrice: "1800", barcodes: [ean(1)] });
    await addStock(tenantId, existing, warehouseId, "5", "100");
    const csv = `barcode,name,price,units_per_pack,sale_price\n${ean(1)},Yerba Mate 1kg,1200,10,2000\n${ean(2)},Café 500 g,4500,1,6000\n`;
    const preview = await withTenant(tenantId, (tx) => previewPriceList(tx, { supplierId, csv }));
    expect(preview).toMatchObject({ total: 2, valid: 2, newProducts: 1, updatedProducts: 1, errors: [] });
    expect(preview.rows[0]).toMatchObject({
      productId: existing,
      currentCost: "100.0000",
      newCost: "120.0000",
      costDiffPct: "20.0",
      currentSalePrice: "1800.00",
      salePriceDiffPct: "11.1",
    });
    expect(preview.rows[1]).toMatchObject({ productId: null, newCost: "4500.0000", costDiffPct: null });

    const res = await withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv }, actor));
    expect(res).toEqual({ created: 1, updated: 1, total: 2, rejectedRows: 0 });
    const rows = await withTenant(tenantId, (tx) =>
      tx.execute<{ barcode: string; name: string; sku: string; sale_price: string; pack_cost: string; units_per_pack: string }>(sql`
        select b.barcode, p.name, p.sku, p.sale_price, sp.pack_cost, sp.units_per_pack
        from product_barcodes b join products p on p.id = b.product_id
        join supplier_products sp on sp.product_id = p.id and sp.supplier_id = ${supplierId} order by b.barcode`),
    );
    expect(rows).toEqual([
      { barcode: ean(1), name: "Yerba 1 kg", sku: expect.any(String), sale_price: "2000.00", pack_cost: "1200.0000", units_per_pack: "10.000" },
      { barcode: ean(2), name: "Café 500 g", sku: ean(2), sale_price: "6000.00", pack_cost: "4500.0000", units_per_pack: "1.000" },
    ]);
    // The preview now shows no difference; applying again creates nothing.
    const again = await withTenant(tenantId, (tx) => previewPriceList(tx, { supplierId, csv }));
    expect(again.rows.map((r) => r.costDiffPct)).toEqual(["0.0", "0.0"]);
    expect(await withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv }, actor))).toEqual({ created: 0, updated: 2, total: 2, rejectedRows: 0 });
  });

  it("refuses to apply a list with errors and changes nothing", async () => {
    const { tenantId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId);
    const csv = `codigo_barras,nombre,precio,unidades_por_bulto\n${ean(1)},Bueno,10,1\n${ean(2)},Malo,0,1\n`;
    await expect(withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv }, actor))).rejects.toMatchObject({
      code: "VALIDATION",
      details: { errors: [{ row: 3, field: "precio" }] },
    });
    const [n] = await withTenant(tenantId, (tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from products`));
    expect(n!.n).toBe(0);
  });

  it("applies only the valid rows when asked to, in one transaction, and says how many rows were left out", async () => {
    const { tenantId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId);
    const csv = [
      "codigo_barras;nombre;precio;unidades_por_bulto;precio_venta",
      `${ean(1)};Yerba;1.100;1;"1.899,90"`, // one thousand one hundred, es-AR
      `${ean(2)};Fideos;12.5;1;`, // ambiguous: rejected, never read as 12,5 or 125
      `${ean(3)};Arroz;"1.234,5";2;`,
      `${ean(4)};;10;1;`, // no name
    ].join("\n");
    const res = await withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv, applyValidOnly: true }, actor));
    expect(res).toEqual({ created: 2, updated: 0, total: 2, rejectedRows: 2 });
    const rows = await withTenant(tenantId, (tx) =>
      tx.execute<{ barcode: string; sale_price: string; pack_cost: string }>(sql`
        select b.barcode, p.sale_price, sp.pack_cost from product_barcodes b join products p on p.id = b.product_id
        join supplier_products sp on sp.product_id = p.id order by b.barcode`),
    );
    expect(rows).toEqual([
      { barcode: ean(1), sale_price: "1899.90", pack_cost: "1100.0000" },
      { barcode: ean(3), sale_price: "0.00", pack_cost: "1234.5000" },
    ]);
    const none = `codigo_barras;nombre;precio;unidades_por_bulto\n${ean(5)};X;0;1\n`;
    await expect(withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv: none, applyValidOnly: true }, actor))).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Ninguna fila de la lista es válida.",
    });
  });

  it("a product it creates is found by name at once (both search paths) and reaches the offline catalog with its barcode", async () => {
    const { tenantId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId);
    const old = await makeProduct(tenantId, { name: "Yerba suave", salePrice: "100", barcodes: [ean(1)] });
    const before = await withTenant(tenantId, (tx) => getCatalogDelta(tx, {}));
    const csv = `barcode,name,price,units_per_pack,sale_price\n${ean(1)},Yerba suave,50,1,120\n${ean(2)},Mermelada de Higo,80,1,150\n${ean(3)},Dulce de higo,70,1,140\n`;
    expect(await withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv }, actor))).toMatchObject({ created: 2, updated: 1 });
    const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();
    // Active products (product_name_search) and with inactive ones too (product_name_trigrams).
    for (const includeInactive of [false, true]) {
      const found = await withTenant(tenantId, (tx) => listProducts(tx, { search: "higo", includeInactive }));
      expect(names(found.rows)).toEqual(["Dulce de higo", "Mermelada de Higo"]);
      const two = await withTenant(tenantId, (tx) => listProducts(tx, { search: "lada de hig", includeInactive }));
      expect(names(two.rows)).toEqual(["Mermelada de Higo"]);
    }
    // Each side table holds exactly the name's trigrams, as name_trigrams() splits it.
    const [rows] = await withTenant(tenantId, (tx) =>
      tx.execute<{ ok: boolean }>(sql`
        select bool_and(
          (select coalesce(array_agg(s.trigram order by s.trigram), '{}') from product_name_search s where s.product_id = p.id)
            = (select coalesce(array_agg(t order by t), '{}') from unnest(name_trigrams(p.name)) t)
          and (select coalesce(array_agg(s.trigram order by s.trigram), '{}') from product_name_trigrams s where s.product_id = p.id)
            = (select coalesce(array_agg(t order by t), '{}') from unnest(name_trigrams(p.name)) t)) as ok
        from products p`),
    );
    expect(rows!.ok).toBe(true);
    // The registers' catalog: the new products with their barcodes, the repriced one too.
    const delta = await withTenant(tenantId, (tx) => getCatalogDelta(tx, { cursor: before.cursor }));
    const byName = new Map(delta.products.map((p) => [p.name, p]));
    expect(byName.get("Mermelada de Higo")).toMatchObject({ barcodes: [ean(2)], salePrice: "150.00", active: true });
    expect(byName.get("Dulce de higo")).toMatchObject({ barcodes: [ean(3)], salePrice: "140.00" });
    expect(byName.get("Yerba suave")).toMatchObject({ id: old, barcodes: [ean(1)], salePrice: "120.00" });
    // Created with their barcodes in one transaction: stamped once, not rewritten by the barcode
    // trigger; a barcode added later, in another transaction, still moves the product forward.
    const stamps = () =>
      withTenant(tenantId, (tx) =>
        tx.execute<{ name: string; same: boolean; micros: string }>(sql`
          select name, updated_at = created_at as same, (extract(epoch from updated_at) * 1000000)::bigint::text as micros from products where name like '%igo' order by name`),
      );
    const first = await stamps();
    expect(first.map((r) => r.same)).toEqual([true, true]);
    await withTenant(tenantId, (tx) => tx.execute(sql`insert into product_barcodes (product_id, barcode) select id, 'HIGO-1' from products where name = 'Dulce de higo'`));
    const later = await stamps();
    expect(BigInt(later[0]!.micros)).toBeGreaterThan(BigInt(first[0]!.micros));
    expect(later[1]!.micros).toBe(first[1]!.micros);
  });

  // Speed is measured by `npm run bench:purchasing`, not asserted here (timed tests flake under load).
  // A big transaction: on a loaded shared machine it takes longer than the default minute.
  it("keeps the price history: a period for each new product, the changed price's period closed and a new one opened", async () => {
    const { tenantId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId);
    await makeProduct(tenantId, { name: "Sin cambio", salePrice: "500", barcodes: [ean(1)] });
    await makeProduct(tenantId, { name: "Más caro", salePrice: "800", barcodes: [ean(2)] });
    const csv = `barcode,name,price,units_per_pack,sale_price\n${ean(1)},Sin cambio,300,1,500\n${ean(2)},Más caro,400,1,900\n${ean(3)},Nuevo,100,1,250\n`;
    await withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv }, actor));
    const periods = await withTenant(tenantId, (tx) =>
      tx.execute<{ barcode: string; sale_price: string; open: boolean }>(sql`
        select b.barcode, h.sale_price, h.valid_to is null as open from product_price_history h
        join product_barcodes b on b.product_id = h.product_id order by b.barcode, h.valid_from, h.valid_to nulls last`),
    );
    expect(periods).toEqual([
      { barcode: ean(1), sale_price: "500.00", open: true },
      { barcode: ean(2), sale_price: "800.00", open: false },
      { barcode: ean(2), sale_price: "900.00", open: true },
      { barcode: ean(3), sale_price: "250.00", open: true },
    ]);
  });

  it("10,000 rows preview with the right counts and apply in one transaction", { timeout: 240_000 }, async () => {
    const { tenantId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId);
    // Half of them already exist.
    const lines = ["codigo_barras;nombre;precio;unidades_por_bulto;precio_venta"];
    for (let i = 0; i < 10_000; i++) lines.push(`${ean(i + 1)};"Producto ${i + 1}; var.";${(100 + (i % 50)).toFixed(2).replace(".", ",")};${1 + (i % 12)};${200 + i}`);
    const csv = lines.join("\n");
    const half = lines.slice(0, 5001).join("\n");
    await withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv: half }, actor));
    const preview = await withTenant(tenantId, (tx) => previewPriceList(tx, { supplierId, csv }));
    expect(preview).toMatchObject({ total: 10_000, valid: 10_000, newProducts: 5000, updatedProducts: 5000 });
    expect(await withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv }, actor))).toEqual({ created: 5000, updated: 5000, total: 10_000, rejectedRows: 0 });
    const [n] = await withTenant(tenantId, (tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from supplier_products`));
    expect(n!.n).toBe(10_000);
  });
});

describe("price list CSV and the product form agree", () => {
  it("reads '1.100' as one thousand one hundred and checks barcodes with the product form's rule", () => {
    const csv = ["codigo_barras;nombre;precio;unidades_por_bulto", `${ean(11)};Harina;1.100;12`, "INT-77;Pan casero;850;1", "7790742000017;Leche;900;1"].join("\n");
    const r = parsePriceList(csv);
    expect(r.rows.map((x) => [x.barcode, x.price])).toEqual([
      [ean(11), "1100.0000"],
      ["INT-77", "850.0000"],
    ]);
    expect(r.errors).toEqual([{ row: 4, field: "codigo_barras", message: barcodeProblem("7790742000017") }]);
    // The same codes through the product schema: same verdicts.
    expect(ZProductInput.safeParse({ sku: "A", name: "Harina", salePrice: "1", barcodes: [ean(11), "INT-77"] }).success).toBe(true);
    const bad = ZProductInput.safeParse({ sku: "A", name: "Leche", salePrice: "1", barcodes: ["7790742000017"] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(barcodeProblem("7790742000017"));
  });
});
