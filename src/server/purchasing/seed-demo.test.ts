import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { seedAll } from "../seed/all";

describe("demo seeding (purchasing)", () => {
  it("creates suppliers, an open order, a payable due soon with its alert and the cocoa suggestion; re-running changes nothing", async () => {
    const { tenantId } = await seedAll();
    const snapshot = () =>
      withTenant(tenantId, async (tx) => {
        const [r] = await tx.execute<{ suppliers: number; open_orders: number; due_soon: number; alerts: number; cocoa: string | null }>(sql`
          select (select count(*)::int from suppliers) as suppliers,
                 (select count(*)::int from purchase_orders where status = 'SENT') as open_orders,
                 (select count(*)::int from payables where balance > 0 and due_on <= current_date + 7) as due_soon,
                 (select count(*)::int from notifications where kind = 'PAYABLE_DUE_SOON') as alerts,
                 (select summary from replenishment_suggestions where family_id is not null limit 1) as cocoa`);
        return r!;
      });
    const first = await snapshot();
    expect(first).toMatchObject({ suppliers: 3, open_orders: 1, due_soon: 1, alerts: 1 });
    expect(first.cocoa).toMatch(/ de cacao en polvo ≈ .* × 2500 g o .* × 900 g o .* × 400 g$/);
    await seedAll();
    expect(await snapshot()).toEqual(first);
  });
});
