import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "@/test/factories";
import { makeProduct } from "@/test/inventory";
import { addStock, makeSupplier } from "@/test/purchasing";
import { barcodeProblem, withCheckDigit } from "@/lib/barcode";
import { ZProductInput } from "@/lib/schemas/product";
import { applyPriceList, parseDecimal, parsePriceList, previewPriceList } from "./price-list";

const actor = { userId: null };
const ean = (n: number) => withCheckDigit(`779${String(n).padStart(9, "0")}`);

describe("price list CSV", () => {
  it("reports every invalid row with its line number and field", () => {
    const bad = ean(2).slice(0, 12) + String((Number(ean(2)[12]) + 1) % 10);
    const csv = [
      "codigo_barras;nombre;precio;unidades_por_bulto;precio_venta",
      `${ean(1)};Yerba 1 kg;"1.234,50";10;2000`, // 2: ok (decimal comma, thousands dot)
      `${bad};Fideos;100;1;`, // 3: check digit
      `${ean(3)};;100;1;`, // 4: name missing
      `${ean(4)};Arroz;0;1;`, // 5: price 0
      `${ean(5)};Azúcar;10;0;`, // 6: units 0
      `ABC 123;Sal;10;1;`, // 7: not a code (the product form refuses it too)
      `${ean(1)};Yerba repetida;10;1;`, // 8: duplicate of row 2
      `"${ean(6)}";"Aceite ""premium""; 900 ml";-5;1;abc`, // 9: price negative + sale price invalid
    ].join("\r\n");
    const r = parsePriceList(csv);
    expect(r.total).toBe(8);
    expect(r.rows.map((x) => [x.row, x.price, x.unitsPerPack, x.salePrice])).toEqual([[2, "1234.5000", "10.000", "2000.00"]]);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [3, "codigo_barras"],
      [4, "nombre"],
      [5, "precio"],
      [6, "unidades_por_bulto"],
      [7, "codigo_barras"],
      [8, "codigo_barras"],
      [9, "precio"],
      [9, "precio_venta"],
    ]);
    expect(r.errors.find((e) => e.row === 8)!.message).toMatch(/fila 2/);
  });

  it("reports missing columns and syntax errors", () => {
    expect(parsePriceList("codigo;nombre\n1;2").errors[0]!.message).toMatch(/precio, unidades_por_bulto/);
    expect(parsePriceList('codigo,nombre,precio,unidades\n"123,x,1,1').errors[0]).toMatchObject({ row: 2, field: "archivo" });
    expect(parseDecimal("1.234,5")).toBe("1234.5");
    expect(parseDecimal("1.100")).toBe("1100"); // es-AR thousands, never $ 1,10
    expect(parseDecimal("$ 1.899,90")).toBe("1899.9");
    expect(parseDecimal("12.5")).toBeNull(); // ambiguous: refused, never guessed
    expect(parseDecimal("1,2,3")).toBeNull();
  });

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
    expect(res).toEqual({ created: 1, updated: 1, total: 2 });
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
    expect(await withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv }, actor))).toEqual({ created: 0, updated: 2, total: 2 });
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

  // Speed is measured by `npm run bench:purchasing`, not asserted here (timed tests flake under load).
  it("10,000 rows preview with the right counts and apply in one transaction", async () => {
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
    expect(await withTenant(tenantId, (tx) => applyPriceList(tx, { supplierId, csv }, actor))).toEqual({ created: 5000, updated: 5000, total: 10_000 });
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
