import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { findProductByCode, searchProducts } from "./find-products";
import { seedProduct } from "./test-helpers";

describe("POS product lookup", () => {
  it("finds by barcode or SKU and by words of the name, active products of this business only", async () => {
    const t = await makeTenant("Almacén");
    const other = await makeTenant("Otro");
    const yerba = await seedProduct(t.tenantId, t.ownerId, { name: "Yerba Mate Suave 1 kg", price: "3500", barcode: "7790387000016" });
    await seedProduct(t.tenantId, t.ownerId, { name: "Mate cocido x25", price: "1200" });
    const off = await seedProduct(t.tenantId, t.ownerId, { name: "Mate de calabaza", price: "9000", barcode: "7790387000023" });
    await withTenant(t.tenantId, (tx) => tx.execute(sql`update products set active = false where id = ${off}`));
    await seedProduct(other.tenantId, other.ownerId, { name: "Mate importado", price: "1", barcode: "7790387000030" });

    const run = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn);
    expect(await run((tx) => findProductByCode(tx, "7790387000016"))).toMatchObject({ id: yerba, salePrice: "3500.00" });
    const sku = (await run((tx) => tx.execute<{ sku: string }>(sql`select sku from products where id = ${yerba}`)))[0]!.sku;
    expect((await run((tx) => findProductByCode(tx, sku)))?.id).toBe(yerba);
    expect(await run((tx) => findProductByCode(tx, "7790387000023"))).toBeNull(); // inactive
    expect(await run((tx) => findProductByCode(tx, "7790387000030"))).toBeNull(); // another business

    expect((await run((tx) => searchProducts(tx, "mate"))).map((p) => p.name)).toEqual(["Mate cocido x25", "Yerba Mate Suave 1 kg"]);
    expect((await run((tx) => searchProducts(tx, "YERBA suave"))).map((p) => p.name)).toEqual(["Yerba Mate Suave 1 kg"]); // words in any order
    expect((await run((tx) => searchProducts(tx, "yerba cocido"))).map((p) => p.name)).toEqual([]);
    expect((await run((tx) => searchProducts(tx, "yerba mate"))).map((p) => p.name)).toEqual(["Yerba Mate Suave 1 kg"]);
    expect((await run((tx) => searchProducts(tx, "x2"))).map((p) => p.name)).toEqual(["Mate cocido x25"]);
  });
});
