import { describe, expect, it } from "vitest";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "../../test/factories";
import { levelMismatches, lotsOf, makeProduct, makeWarehouse, movementsOf, stockOf } from "../../test/inventory";
import { receiveStock } from "./receive-stock";
import { exitStock } from "./exit-stock";
import { transferStock } from "./transfer-stock";
import { returnStock } from "./return-stock";

describe("transferStock", () => {
  it("moves lots FEFO with their identity, cost and expiry; both ends recorded; levels follow", async () => {
    const t = await makeTenant();
    const bar = await makeWarehouse(t.tenantId, "Bar");
    const p = await makeProduct(t.tenantId, { hasExpiry: true });
    const actor = { userId: t.ownerId };
    await withTenant(t.tenantId, async (tx) => {
      await receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "10", unitCost: "5", lotNumber: "late", expiresAt: "2027-12-01" }, actor);
      await receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "4", unitCost: "7", lotNumber: "soon", expiresAt: "2027-02-01" }, actor);
    });
    const r = await withTenant(t.tenantId, (tx) =>
      transferStock(tx, { productId: p, fromWarehouseId: t.warehouseId, toWarehouseId: bar, quantity: "6", reference: "Reposición bar" }, actor),
    );
    expect(r.lines.map((l) => [l.quantity, l.unitCost])).toEqual([
      ["4.000", "7.0000"],
      ["2.000", "5.0000"],
    ]);
    const inBar = await lotsOf(t.tenantId, p, bar);
    expect(inBar.map((l) => [l.lot_number, l.quantity, l.unit_cost, l.expires_at]).sort()).toEqual([
      ["late", "2.000", "5.0000", "2027-12-01"],
      ["soon", "4.000", "7.0000", "2027-02-01"],
    ]);
    const source = await lotsOf(t.tenantId, p, t.warehouseId);
    for (const l of inBar) expect(source.map((s) => s.id)).toContain(l.origin_lot_id);
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "8.000", lots: "8.000" });
    expect(await stockOf(t.tenantId, p, bar)).toEqual({ level: "6.000", lots: "6.000" });
    const mv = (await movementsOf(t.tenantId, p)).filter((m) => m.type === "TRANSFER");
    expect(mv.map((m) => [m.warehouse_id === bar ? "bar" : "main", m.quantity, m.counterpart_warehouse_id === bar ? "bar" : "main"])).toEqual([
      ["main", "-4.000", "bar"],
      ["bar", "4.000", "main"],
      ["main", "-2.000", "bar"],
      ["bar", "2.000", "main"],
    ]);

    // Exits at the bar consume the transferred lots FEFO with their original cost.
    const sale = await withTenant(t.tenantId, (tx) => exitStock(tx, { productId: p, warehouseId: bar, quantity: "5", movementType: "SALE" }, actor));
    expect(sale.costTotal).toBe(String(4 * 7 + 5) + ".0000");

    // Goods going back join their original lot instead of a new one.
    await withTenant(t.tenantId, (tx) => transferStock(tx, { productId: p, fromWarehouseId: bar, toWarehouseId: t.warehouseId, quantity: "1" }, actor));
    const back = await lotsOf(t.tenantId, p, t.warehouseId);
    expect(back.length).toBe(2);
    expect(back.find((l) => l.lot_number === "late")!.quantity).toBe("9.000");
    expect(await levelMismatches(t.tenantId)).toEqual([]);
  });

  it("refuses a transfer larger than the origin's stock and the same warehouse on both ends", async () => {
    const t = await makeTenant();
    const bar = await makeWarehouse(t.tenantId, "Bar");
    const p = await makeProduct(t.tenantId);
    await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "1", unitCost: "5" }, { userId: null }));
    const err = await withTenant(t.tenantId, (tx) =>
      transferStock(tx, { productId: p, fromWarehouseId: t.warehouseId, toWarehouseId: bar, quantity: "2" }, { userId: null }),
    ).catch((e) => e);
    expect(err.code).toBe("INSUFFICIENT_STOCK");
    await expect(
      withTenant(t.tenantId, (tx) => transferStock(tx, { productId: p, fromWarehouseId: bar, toWarehouseId: bar, quantity: "1" }, { userId: null })),
    ).rejects.toThrow(/distinto/);
    expect(await stockOf(t.tenantId, p, bar)).toEqual({ level: "0.000", lots: "0.000" });
  });
});

describe("returnStock", () => {
  it("puts a voided sale back into the lots it came from, at their cost", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId);
    const actor = { userId: t.ownerId };
    await withTenant(t.tenantId, async (tx) => {
      await receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "2", unitCost: "10", receivedAt: "2026-01-01T00:00:00Z" }, actor);
      await receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "5", unitCost: "12" }, actor);
    });
    const sale = await withTenant(t.tenantId, (tx) =>
      exitStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "4", movementType: "SALE", sourceType: "SALE", sourceId: "s-1" }, actor),
    );
    const r = await withTenant(t.tenantId, (tx) =>
      returnStock(
        tx,
        { productId: p, warehouseId: t.warehouseId, lots: sale.lines.map((l) => ({ lotId: l.lotId, quantity: l.quantity })), quantity: "4", sourceType: "SALE_VOID", sourceId: "s-1" },
        actor,
      ),
    );
    expect(r.costTotal).toBe(sale.costTotal);
    const lots = await lotsOf(t.tenantId, p);
    expect(lots.map((l) => l.quantity)).toEqual(["2.000", "5.000"]);
    const mv = (await movementsOf(t.tenantId, p)).filter((m) => m.type === "RETURN");
    expect(mv.map((m) => [m.quantity, m.unit_cost])).toEqual([
      ["2.000", "10.0000"],
      ["2.000", "12.0000"],
    ]);
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "7.000", lots: "7.000" });
  });

  it("without lots fills an oversold hole first, then makes a lot at the last cost", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId);
    const actor = { userId: null };
    await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "1", unitCost: "30" }, actor));
    await withTenant(t.tenantId, (tx) =>
      exitStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "3", movementType: "SALE", allowNegative: true }, actor),
    );
    const r = await withTenant(t.tenantId, (tx) =>
      returnStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "5", sourceType: "SALE_VOID", sourceId: "x" }, actor),
    );
    expect(r.lines.map((l) => [l.quantity, l.unitCost])).toEqual([
      ["2.000", "30.0000"],
      ["3.000", "30.0000"],
    ]);
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "3.000", lots: "3.000" });
    expect((await lotsOf(t.tenantId, p)).find((l) => l.is_deficit)!.quantity).toBe("0.000");
  });

  it("rejects lots that do not belong to the product and lot sums above the quantity", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId);
    const q = await makeProduct(t.tenantId);
    const { lotId } = await withTenant(t.tenantId, (tx) =>
      receiveStock(tx, { productId: q, warehouseId: t.warehouseId, quantity: "1", unitCost: "1" }, { userId: null }),
    );
    const e1 = await withTenant(t.tenantId, (tx) =>
      returnStock(tx, { productId: p, warehouseId: t.warehouseId, lots: [{ lotId, quantity: "1" }], quantity: "1", sourceType: "S", sourceId: "1" }, { userId: null }),
    ).catch((e) => e);
    expect(e1.code).toBe("NOT_FOUND");
    const e2 = await withTenant(t.tenantId, (tx) =>
      returnStock(tx, { productId: q, warehouseId: t.warehouseId, lots: [{ lotId, quantity: "2" }], quantity: "1", sourceType: "S", sourceId: "1" }, { userId: null }),
    ).catch((e) => e);
    expect(e2.code).toBe("VALIDATION");
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "0.000", lots: "0.000" });
  });
});
