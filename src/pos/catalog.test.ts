import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openPosDb, getMeta } from "./db";
import { applyCatalogDelta, catalogNeedsRefresh, lookupBarcode, searchProducts, syncCatalog } from "./catalog";
import type { CatalogDelta, CatalogProduct } from "./types";

const product = (p: Partial<CatalogProduct>): CatalogProduct => ({
  id: randomUUID(),
  sku: "SKU",
  name: "Producto",
  barcodes: [],
  salePrice: "100.0000",
  ivaRate: "21.00",
  unit: "UN",
  isService: false,
  active: true,
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...p,
});

describe("local catalog", () => {
  it("pages through the delta, then looks up by barcode and searches by name locally", async () => {
    const db = await openPosDb("demo", `c-${randomUUID()}`);
    const cafe = product({ name: "Café Molido La Virginia 500 g", sku: "CAF-500", barcodes: ["7790150006306"] });
    const yerba = product({ name: "Yerba Mate Playadito 1 kg", sku: "YER-1", barcodes: ["7793704000133", "YER1"] });
    const pages: CatalogDelta[] = [
      { products: [cafe], cursor: "c1", hasMore: true },
      { products: [yerba], cursor: "c2", hasMore: false, packs: [] },
    ];
    const seen: (string | undefined)[] = [];
    const n = await syncCatalog(db, async (cursor) => {
      seen.push(cursor);
      return pages.shift()!;
    });
    expect(n).toBe(2);
    expect(seen).toEqual([undefined, "c1"]);
    expect(await getMeta(db, "catalogCursor")).toBe("c2");
    expect(await catalogNeedsRefresh(db)).toBe(false);

    expect((await lookupBarcode(db, "7790150006306"))?.id).toBe(cafe.id);
    expect((await lookupBarcode(db, " YER1 "))?.id).toBe(yerba.id);
    expect(await lookupBarcode(db, "000")).toBeUndefined();
    expect((await lookupBarcode(db, "CAF-500"))?.id).toBe(cafe.id); // a SKU typed by hand

    expect((await searchProducts(db, "cafe")).map((p) => p.id)).toEqual([cafe.id]);
    expect((await searchProducts(db, "MOLIDO virg")).map((p) => p.id)).toEqual([cafe.id]);
    expect((await searchProducts(db, "caf-500")).map((p) => p.id)).toEqual([cafe.id]);
    expect(await searchProducts(db, "cafe yerba")).toEqual([]);
  });

  it("applies price changes and deactivations; a moved barcode resolves to the active product", async () => {
    const db = await openPosDb("demo", `c-${randomUUID()}`);
    const a = product({ name: "Galletitas", barcodes: ["111"] });
    await applyCatalogDelta(db, { products: [a], cursor: "1", hasMore: false });
    await applyCatalogDelta(db, {
      products: [{ ...a, salePrice: "150.0000", active: false, updatedAt: "2026-02-01T00:00:00.000Z" }],
      cursor: "2",
      hasMore: false,
    });
    const gone = await lookupBarcode(db, "111");
    expect(gone).toMatchObject({ active: false, salePrice: "150.0000" });
    expect(await searchProducts(db, "galletitas")).toEqual([]);

    const b = product({ name: "Galletitas nuevas", barcodes: ["111"], updatedAt: "2026-03-01T00:00:00.000Z" });
    await applyCatalogDelta(db, { products: [b], cursor: "3", hasMore: false, packs: [
      { id: randomUUID(), parentProductId: b.id, childProductId: a.id, unitsPerParent: "12" },
    ] });
    expect((await lookupBarcode(db, "111"))?.id).toBe(b.id);
    expect(await db.count("packs")).toBe(1);
  });

  it("a delta applied by another tab reaches this tab's lookups within a second", async () => {
    const name = `c-${randomUUID()}`;
    const tabA = await openPosDb("demo", name);
    const tabB = await openPosDb("demo", name);
    const p = product({ name: "Fideos", barcodes: ["222"] });
    await applyCatalogDelta(tabA, { products: [p], cursor: "1", hasMore: false });
    expect((await lookupBarcode(tabA, "222"))?.salePrice).toBe("100.0000");
    await applyCatalogDelta(tabB, { products: [{ ...p, salePrice: "120.0000" }], cursor: "2", hasMore: false });
    expect((await lookupBarcode(tabB, "222"))?.salePrice).toBe("120.0000");
    await new Promise((r) => setTimeout(r, 1100));
    expect((await lookupBarcode(tabA, "222"))?.salePrice).toBe("120.0000");
  });
});
