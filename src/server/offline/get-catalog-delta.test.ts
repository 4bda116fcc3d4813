import { randomUUID } from "node:crypto";
import { eq, and } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTenant } from "../db/with-tenant";
import { productBarcodes, products, packs } from "../db/schema/inventory";
import { makeTenant } from "../../test/factories";
import { getCatalogDelta } from "./get-catalog-delta";

async function addProduct(tenantId: string, name: string, barcodes: string[] = []) {
  const id = randomUUID();
  await withTenant(tenantId, async (tx) => {
    await tx.insert(products).values({ tenantId, id, sku: `SKU-${id.slice(0, 6)}`, name, salePrice: "100.00" });
    for (const b of barcodes) await tx.insert(productBarcodes).values({ tenantId, productId: id, barcode: b });
  });
  return id;
}

describe("getCatalogDelta", () => {
  it("pages by cursor, and later sends only what changed: price, barcodes, deactivation", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await addProduct(t.tenantId, `Producto ${i}`, [`779000000000${i}`]));
    await addProduct(other.tenantId, "Ajeno", ["999"]);

    const p1 = await withTenant(t.tenantId, (tx) => getCatalogDelta(tx, { limit: 3 }));
    expect(p1.hasMore).toBe(true);
    expect(p1.products).toHaveLength(3);
    const p2 = await withTenant(t.tenantId, (tx) => getCatalogDelta(tx, { cursor: p1.cursor, limit: 3 }));
    expect(p2.hasMore).toBe(false);
    expect([...p1.products, ...p2.products].map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(p2.packs).toEqual([]);
    expect(p1.products[0]!.barcodes).toHaveLength(1);
    expect(p1.products[0]!.salePrice).toBe("100.00");

    // Fresh rows sit inside the horizon: re-sent next time, never another tenant's.
    const again = await withTenant(t.tenantId, (tx) => getCatalogDelta(tx, { cursor: p2.cursor }));
    expect(again.products.every((p) => ids.includes(p.id))).toBe(true);

    // Make the existing rows "old" so the rewind window does not mask what we test.
    const { adminSql } = await import("../../test/factories");
    const admin = adminSql();
    await admin`alter table products disable trigger products_offline_touch`;
    await admin`update products set updated_at = updated_at - interval '1 hour' where tenant_id = ${t.tenantId}`;
    await admin`alter table products enable trigger products_offline_touch`;
    await admin.end();
    const base = await withTenant(t.tenantId, (tx) => getCatalogDelta(tx, {}));
    expect(base.products).toHaveLength(5);
    const quiet = await withTenant(t.tenantId, (tx) => getCatalogDelta(tx, { cursor: base.cursor }));
    expect(quiet.products).toEqual([]);
    expect(quiet.cursor).toBe(base.cursor);

    await withTenant(t.tenantId, async (tx) => {
      await tx.update(products).set({ salePrice: "150.00" }).where(and(eq(products.tenantId, t.tenantId), eq(products.id, ids[0]!)));
      await tx.update(products).set({ active: false }).where(and(eq(products.tenantId, t.tenantId), eq(products.id, ids[1]!)));
      await tx.insert(productBarcodes).values({ tenantId: t.tenantId, productId: ids[2]!, barcode: "NUEVO" });
      await tx.insert(packs).values({ tenantId: t.tenantId, parentProductId: ids[3]!, childProductId: ids[4]!, unitsPerParent: "6" });
    });
    const delta = await withTenant(t.tenantId, (tx) => getCatalogDelta(tx, { cursor: base.cursor }));
    const byId = new Map(delta.products.map((p) => [p.id, p]));
    expect([...byId.keys()].sort()).toEqual([ids[0], ids[1], ids[2]].sort());
    expect(byId.get(ids[0]!)!.salePrice).toBe("150.00");
    expect(byId.get(ids[1]!)!.active).toBe(false);
    expect(byId.get(ids[2]!)!.barcodes).toContain("NUEVO");
    expect(delta.packs).toEqual([expect.objectContaining({ parentProductId: ids[3], childProductId: ids[4], unitsPerParent: "6.000" })]);
  });

  it("rejects a malformed cursor with a clear error", async () => {
    const t = await makeTenant();
    await expect(withTenant(t.tenantId, (tx) => getCatalogDelta(tx, { cursor: "x'; drop" }))).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
