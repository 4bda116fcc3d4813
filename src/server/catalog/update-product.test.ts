import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "../../test/factories";
import { makeProduct } from "../../test/inventory";
import { updateProduct } from "./update-product";

const metadataOf = (tenantId: string, id: string) =>
  withTenant(tenantId, async (tx) => (await tx.execute<{ metadata: unknown }>(sql`select metadata from products where id = ${id}`))[0]!.metadata);

describe("updateProduct", () => {
  it("keeps the metadata when the edit (the product form) does not send it", async () => {
    const t = await makeTenant();
    const id = await makeProduct(t.tenantId, { name: "Vino", metadata: { bodega: "Norton", cosecha: 2021 } });
    await withTenant(t.tenantId, (tx) => updateProduct(tx, id, { sku: "VIN-1", name: "Vino tinto", salePrice: "1500" }, { userId: t.ownerId }));
    expect(await metadataOf(t.tenantId, id)).toEqual({ bodega: "Norton", cosecha: 2021 });
    const [row] = await withTenant(t.tenantId, (tx) => tx.execute<{ name: string; sale_price: string }>(sql`select name, sale_price from products where id = ${id}`));
    expect(row).toEqual({ name: "Vino tinto", sale_price: "1500.00" });
  });

  it("replaces the metadata when the edit sends it", async () => {
    const t = await makeTenant();
    const id = await makeProduct(t.tenantId, { metadata: { a: 1 } });
    await withTenant(t.tenantId, (tx) => updateProduct(tx, id, { sku: "X-1", name: "Producto", salePrice: "1", metadata: { b: 2 } }, { userId: null }));
    expect(await metadataOf(t.tenantId, id)).toEqual({ b: 2 });
  });
});
