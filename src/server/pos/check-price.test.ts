import { describe, expect, it } from "vitest";
import { makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { checkPrice, rateLimit } from "./check-price";
import { seedProduct } from "./test-helpers";
import { sql } from "drizzle-orm";

describe("public price checker", () => {
  it("answers name and price only, for active products of that business only", async () => {
    const a = await makeTenant("Kiosco A");
    const b = await makeTenant("Kiosco B");
    await seedProduct(a.tenantId, a.ownerId, { name: "Caramelos", price: "150.50", barcode: "7791111111111" });
    const hidden = await seedProduct(a.tenantId, a.ownerId, { name: "Discontinuado", price: "99", barcode: "7792222222222" });
    await withTenant(a.tenantId, (tx) => tx.execute(sql`update products set active = false where id = ${hidden}`));
    await seedProduct(b.tenantId, b.ownerId, { name: "Solo de B", price: "10", barcode: "7793333333333" });

    expect(await checkPrice(a.slug, "7791111111111")).toEqual({ name: "Caramelos", price: "150.50" });
    expect(await checkPrice(a.slug, "7792222222222")).toBeNull();
    expect(await checkPrice(a.slug, "7793333333333")).toBeNull(); // B's barcode through A's checker
    expect(await checkPrice(b.slug, "7793333333333")).toEqual({ name: "Solo de B", price: "10.00" });
    expect(await checkPrice("no-such-shop", "7791111111111")).toBeNull();
    expect(await checkPrice(a.slug, "'; select 1 --")).toBeNull();
  });

  it("rate limits per client key within a one-minute window", () => {
    const now = 1_000_000;
    for (let i = 0; i < 30; i++) expect(rateLimit("ip-1", 30, now + i)).toBe(true);
    expect(rateLimit("ip-1", 30, now + 31)).toBe(false);
    expect(rateLimit("ip-2", 30, now + 31)).toBe(true);
    expect(rateLimit("ip-1", 30, now + 60_001)).toBe(true);
  });
});
