import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "@/test/factories";
import { makeProduct } from "@/test/inventory";

// product_price_history (kept by a trigger on products, drizzle/sql/010_security.sql):
// one period per (price, active) a product had, whatever statement changed it.
async function periods(tenantId: string, productId: string) {
  return withTenant(tenantId, (tx) =>
    tx.execute<{ sale_price: string; active: boolean; open: boolean }>(sql`
      select sale_price, active, valid_to is null as open from product_price_history where product_id = ${productId} order by valid_from, valid_to nulls last`),
  );
}

describe("price history", () => {
  it("a bulk price change closes each product's period and opens one; other updates add none", async () => {
    const { tenantId } = await makeTenant();
    const a = await makeProduct(tenantId, { salePrice: "100" });
    const b = await makeProduct(tenantId, { salePrice: "200" });
    expect(await periods(tenantId, a)).toEqual([{ sale_price: "100.00", active: true, open: true }]);

    // One statement over both products (as a price list does); b keeps its price.
    await withTenant(tenantId, (tx) => tx.execute(sql`update products set sale_price = case when id = ${a} then 150 else 200 end where id in (${a}, ${b})`));
    expect(await periods(tenantId, a)).toEqual([
      { sale_price: "100.00", active: true, open: false },
      { sale_price: "150.00", active: true, open: true },
    ]);
    expect(await periods(tenantId, b)).toEqual([{ sale_price: "200.00", active: true, open: true }]);

    await withTenant(tenantId, (tx) => tx.execute(sql`update products set updated_at = now() where id = ${a}`));
    await withTenant(tenantId, (tx) => tx.execute(sql`update products set active = false where id = ${a}`));
    expect(await periods(tenantId, a)).toEqual([
      { sale_price: "100.00", active: true, open: false },
      { sale_price: "150.00", active: true, open: false },
      { sale_price: "150.00", active: false, open: true },
    ]);
  });
});
