import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "@/test/factories";
import { makeProduct } from "@/test/inventory";
import { addStock, makeFamily, makeSupplier } from "@/test/purchasing";
import { runReplenishment } from "./compute-replenishment";
import { convertSuggestions, listSuggestions, updateSuggestion } from "./suggestions";
import { createPurchaseOrder, getPurchaseOrder, sendPurchaseOrder } from "./purchase-orders";
import { receiveGoods } from "./receive-goods";

const actor = { userId: null };
const today = "2026-04-01";

describe("replenishment suggestions", () => {
  it("single products below stockMin get stockIdeal − stock − on order; at or above min get nothing", async () => {
    const { tenantId, warehouseId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId);
    const low = await makeProduct(tenantId, { name: "Aceite 1 l", stockMin: "10", stockIdeal: "30" });
    const atMin = await makeProduct(tenantId, { name: "Sal", stockMin: "5", stockIdeal: "20" });
    const covered = await makeProduct(tenantId, { name: "Harina", stockMin: "10", stockIdeal: "20" });
    const service = await makeProduct(tenantId, { name: "Servicio", stockMin: "10", stockIdeal: "20", isService: true });
    await makeProduct(tenantId, { name: "Sin mínimo" });
    // Last cost and supplier come from the last receipt.
    await withTenant(tenantId, (tx) =>
      receiveGoods(tx, { idempotencyKey: randomUUID(), supplierId, lines: [{ productId: low, quantity: "4", unitCost: "1234.5" }] }, actor),
    );
    await addStock(tenantId, atMin, warehouseId, "5");
    await addStock(tenantId, covered, warehouseId, "2");
    // Harina: 2 in stock + 18 on an open order → nothing more to buy.
    await withTenant(tenantId, async (tx) => {
      const o = await createPurchaseOrder(tx, { supplierId, lines: [{ productId: covered, quantity: "18", unitCost: "1" }] }, actor);
      await sendPurchaseOrder(tx, o.id, actor);
    });

    const run = await withTenant(tenantId, (tx) => runReplenishment(tx, { today, mode: "cron" }));
    expect(run).toMatchObject({ skipped: false, suggestions: 1 });
    const { rows } = await withTenant(tenantId, (tx) => listSuggestions(tx));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ productId: low, familyId: null, stock: "4.000", need: "26.000", quantity: "26.000", unitCost: "1234.5000", supplierId: supplierId });
    expect(rows.some((r) => r.productId === service || r.productId === atMin)).toBe(false);
  });

  it("the cocoa family (SPEC §7): 5300 g ≈ 6 × 900 g or 14 × 400 g, minus an open order", async () => {
    const { tenantId, warehouseId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId, { name: "Cacao SA" });
    const family = await makeFamily(tenantId, "Cacao", "g", "10000");
    const bag400 = await makeProduct(tenantId, { name: "Cacao 400 g", familyId: family, conversionFactor: "400", stockMin: "100" });
    const bag900 = await makeProduct(tenantId, { name: "Cacao 900 g", familyId: family, conversionFactor: "900" });
    await addStock(tenantId, bag400, warehouseId, "5", "3000"); // 2000 g
    await addStock(tenantId, bag900, warehouseId, "3", "6000"); // 2700 g → 4700 g

    await withTenant(tenantId, (tx) => runReplenishment(tx, { today, mode: "cron" }));
    let { rows } = await withTenant(tenantId, (tx) => listSuggestions(tx));
    expect(rows).toHaveLength(1); // the family, not its members one by one
    const s = rows[0]!;
    expect(s).toMatchObject({ familyId: family, stock: "4700.000", target: "10000.000", onOrder: "0.000", need: "5300.000" });
    expect(s.summary).toBe("5300 g de cacao ≈ 6 × 900 g o 14 × 400 g");
    expect(s.options.map((o) => [o.productId, o.packs])).toEqual([
      [bag900, "6"],
      [bag400, "14"],
    ]);
    // Default presentation: cheapest per gram (900 g at 6000 = 6.67/g vs 400 g at 3000 = 7.5/g).
    expect(s).toMatchObject({ productId: bag900, quantity: "6.000", unitCost: "6000.0000" });

    // An open order of 2 × 900 g (1800 g) is on the way: need 3500 g ≈ 4 × 900 g or 9 × 400 g.
    await withTenant(tenantId, async (tx) => {
      const o = await createPurchaseOrder(tx, { supplierId, lines: [{ productId: bag900, quantity: "2", unitCost: "6000" }] }, actor);
      await sendPurchaseOrder(tx, o.id, actor);
    });
    // The cron the same day changes nothing (idempotent per tenant and day)…
    const again = await withTenant(tenantId, (tx) => runReplenishment(tx, { today, mode: "cron" }));
    expect(again.skipped).toBe(true);
    expect((await withTenant(tenantId, (tx) => listSuggestions(tx))).rows[0]!.need).toBe("5300.000");
    // …"recalcular" refreshes it.
    await withTenant(tenantId, (tx) => runReplenishment(tx, { today, mode: "manual" }));
    ({ rows } = await withTenant(tenantId, (tx) => listSuggestions(tx)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ onOrder: "1800.000", need: "3500.000", summary: "3500 g de cacao ≈ 4 × 900 g o 9 × 400 g" });
  });

  it("converts a selection into draft orders grouped by supplier in one action, with the manager's edits", async () => {
    const { tenantId, warehouseId } = await makeTenant();
    const s1 = await makeSupplier(tenantId, { name: "Uno" });
    const s2 = await makeSupplier(tenantId, { name: "Dos" });
    const family = await makeFamily(tenantId, "Cacao", "g", "10000");
    const bag400 = await makeProduct(tenantId, { name: "Cacao 400 g", familyId: family, conversionFactor: "400" });
    await makeProduct(tenantId, { name: "Cacao 900 g", familyId: family, conversionFactor: "900" });
    const a = await makeProduct(tenantId, { name: "Arroz", stockMin: "5", stockIdeal: "10" });
    await makeProduct(tenantId, { name: "Batata", stockMin: "5", stockIdeal: "8" });
    await addStock(tenantId, a, warehouseId, "1");
    await withTenant(tenantId, (tx) => runReplenishment(tx, { today, mode: "manual" }));
    const { rows } = await withTenant(tenantId, (tx) => listSuggestions(tx));
    expect(rows.map((r) => r.label).sort()).toEqual(["Arroz", "Batata", "Cacao"]);
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));
    await withTenant(tenantId, (tx) => updateSuggestion(tx, { id: byLabel.Batata!.id, dismissed: true }));

    const res = await withTenant(tenantId, (tx) =>
      convertSuggestions(
        tx,
        {
          items: [
            { suggestionId: byLabel.Cacao!.id, productId: bag400, quantity: "25", supplierId: s1, unitCost: "3100" },
            { suggestionId: byLabel.Arroz!.id, productId: a, quantity: "9", supplierId: s1 },
          ],
        },
        actor,
      ),
    );
    expect(res.orders).toHaveLength(1);
    const order = await withTenant(tenantId, (tx) => getPurchaseOrder(tx, res.orders[0]!.id));
    expect(order.status).toBe("DRAFT");
    expect(order.supplierId).toBe(s1);
    expect(order.lines.map((l) => [l.productId, l.quantity])).toEqual([
      [bag400, "25.000"],
      [a, "9.000"],
    ]);
    const after = await withTenant(tenantId, (tx) => listSuggestions(tx));
    expect(after.rows.filter((r) => r.status === "ORDERED").map((r) => r.orderId)).toEqual([order.id, order.id]);
    expect(after.rows.find((r) => r.label === "Batata")!.status).toBe("DISMISSED");
    // Converting twice is refused.
    await expect(
      withTenant(tenantId, (tx) => convertSuggestions(tx, { items: [{ suggestionId: byLabel.Arroz!.id, productId: a, quantity: "1", supplierId: s2 }] }, actor)),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    // A presentation from outside the family is refused.
    await withTenant(tenantId, (tx) => runReplenishment(tx, { today: "2026-04-02", mode: "cron" }));
    const next = await withTenant(tenantId, (tx) => listSuggestions(tx));
    // Tomorrow: the draft order counts as on the way, so A and Cacao are covered; only B remains.
    expect(next.rows.map((r) => r.label)).toEqual(["Batata"]);
    await expect(
      withTenant(tenantId, (tx) =>
        convertSuggestions(tx, { items: [{ suggestionId: next.rows[0]!.id, productId: bag400, quantity: "1", supplierId: s2 }] }, actor),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    // Two suppliers → two orders.
    await makeProduct(tenantId, { name: "Cebolla", stockMin: "5", stockIdeal: "8" });
    await withTenant(tenantId, (tx) => runReplenishment(tx, { today: "2026-04-02", mode: "manual" }));
    const two = await withTenant(tenantId, (tx) => listSuggestions(tx));
    const pend = two.rows.filter((r) => r.status === "PENDING");
    expect(pend.map((r) => r.label)).toEqual(["Batata", "Cebolla"]);
    const res2 = await withTenant(tenantId, (tx) =>
      convertSuggestions(tx, { items: pend.map((r, i) => ({ suggestionId: r.id, productId: r.productId!, quantity: r.quantity, supplierId: i ? s2 : s1 })) }, actor),
    );
    expect(res2.orders.map((o) => o.supplierId).sort()).toEqual([s1, s2].sort());
    const [cnt] = await withTenant(tenantId, (tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from purchase_orders where status = 'DRAFT'`));
    expect(cnt!.n).toBe(3);
  });
});
