import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { seedDemo } from "./demo";
import { seedInventory } from "./inventory";
import { levelMismatches } from "../../test/inventory";
import { valuateStock } from "../inventory/valuate-stock";

describe("inventory demo seeder", () => {
  it("builds the demo catalog (cocoa family, water six-pack, lots with expiry) and is idempotent", async () => {
    const { tenantId } = await seedDemo([seedInventory]);
    const count = () =>
      withTenant(tenantId, async (tx) => {
        const [r] = await tx.execute<{ products: number; lots: number; movements: number; packs: number; warehouses: number }>(sql`
          select (select count(*)::int from products) as products, (select count(*)::int from lots) as lots,
                 (select count(*)::int from stock_movements) as movements, (select count(*)::int from packs) as packs,
                 (select count(*)::int from warehouses) as warehouses`);
        return r!;
      });
    const first = await count();
    expect(first.products).toBeGreaterThanOrEqual(36);
    expect(first.packs).toBe(1);
    expect(first.warehouses).toBe(3);
    await seedDemo([seedInventory]);
    expect(await count()).toEqual(first);
    expect(await levelMismatches(tenantId)).toEqual([]);

    // Cocoa: 8 × 400 + 5 × 900 + 2 × 2500 = 12 700 g.
    const fam = await withTenant(tenantId, (tx) => valuateStock(tx, { groupBy: "family" }));
    expect(fam.map((f) => [f.name, f.quantity])).toEqual([["Cacao en polvo", "12700.000"]]);
    const expiring = await withTenant(tenantId, (tx) =>
      tx.execute(sql`select 1 from lots where quantity > 0 and expires_at < current_date + 15`),
    );
    expect(expiring.length).toBeGreaterThan(3);
  });
});
