import { describe, expect, it } from "vitest";
import { adminSql, makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { allowPriceCheck, checkPrice } from "./check-price";
import postgres from "postgres";
import { seedProduct } from "./test-helpers";
import { sql } from "drizzle-orm";

describe("public price checker", () => {
  it("answers name and price only, for active products of that business only", async () => {
    const a = await makeTenant("Kiosco A");
    const b = await makeTenant("Kiosco B");
    await seedProduct(a.tenantId, a.ownerId, { name: "Caramelos", price: "150.50", barcode: "7791111111114" });
    const hidden = await seedProduct(a.tenantId, a.ownerId, { name: "Discontinuado", price: "99", barcode: "7792222222225" });
    await withTenant(a.tenantId, (tx) => tx.execute(sql`update products set active = false where id = ${hidden}`));
    await seedProduct(b.tenantId, b.ownerId, { name: "Solo de B", price: "10", barcode: "7793333333336" });

    expect(await checkPrice(a.slug, "7791111111114")).toEqual({ name: "Caramelos", price: "150.50" });
    expect(await checkPrice(a.slug, "7792222222225")).toBeNull();
    expect(await checkPrice(a.slug, "7793333333336")).toBeNull(); // B's barcode through A's checker
    expect(await checkPrice(b.slug, "7793333333336")).toEqual({ name: "Solo de B", price: "10.00" });
    expect(await checkPrice("no-such-shop", "7791111111114")).toBeNull();
    expect(await checkPrice(a.slug, "'; select 1 --")).toBeNull();
  });

  it("rate limits per client key within a one-minute window, counted in PostgreSQL (shared by every instance)", async () => {
    for (let i = 0; i < 30; i++) expect(await allowPriceCheck("shop:ip-1")).toBe(true);
    expect(await allowPriceCheck("shop:ip-1")).toBe(false);
    expect(await allowPriceCheck("shop:ip-2")).toBe(true);
    // Another app instance (its own pool) sees the same count.
    const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const [row] = await other<{ failures: number }[]>`select failures from login_attempts where key = 'price:shop:ip-1'`;
      expect(row!.failures).toBe(31);
    } finally {
      await other.end();
    }
    const admin = adminSql();
    await admin`update login_attempts set window_start = now() - interval '61 seconds' where key = 'price:shop:ip-1'`;
    await admin.end();
    expect(await allowPriceCheck("shop:ip-1")).toBe(true);
  });
});
