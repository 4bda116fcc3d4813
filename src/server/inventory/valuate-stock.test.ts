import { describe, expect, it } from "vitest";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "../../test/factories";
import { makeProduct, makeWarehouse } from "../../test/inventory";
import { createFamily } from "../catalog/create-family";
import { receiveStock } from "./receive-stock";
import { exitStock } from "./exit-stock";
import { transferStock } from "./transfer-stock";
import { valuateStock } from "./valuate-stock";

describe("valuateStock (FIFO / LIFO / weighted average) — hand-worked examples", () => {
  it("one product: 10 @ 100, 10 @ 120, sell 15, then 10 @ 130", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId, { name: "Café 1 kg", sku: "CAF-1" });
    const a = { userId: null };
    const w = t.warehouseId;
    await withTenant(t.tenantId, async (tx) => {
      await receiveStock(tx, { productId: p, warehouseId: w, quantity: "10", unitCost: "100" }, a);
      await receiveStock(tx, { productId: p, warehouseId: w, quantity: "10", unitCost: "120" }, a);
    });
    await withTenant(t.tenantId, (tx) => exitStock(tx, { productId: p, warehouseId: w, quantity: "15", movementType: "SALE" }, a));
    // On hand 5. FIFO: the 5 left are from the 120 lot → 600.
    // LIFO: the 5 left are the first that came in (100) → 500.
    // Average: (10×100 + 10×120) / 20 = 110 → 550.
    let [row] = await withTenant(t.tenantId, (tx) => valuateStock(tx, { groupBy: "product" }));
    expect(row).toEqual({ key: p, name: "Café 1 kg (CAF-1)", quantity: "5.000", fifo: "600.00", lifo: "500.00", average: "550.00" });

    await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: w, quantity: "10", unitCost: "130" }, a));
    // On hand 15. FIFO: 5×120 + 10×130 = 1900. LIFO: 10×100 + 5×120 = 1600.
    // Average: (1000 + 1200 + 1300) / 30 = 116.666… × 15 = 1750.
    [row] = await withTenant(t.tenantId, (tx) => valuateStock(tx, { groupBy: "product" }));
    expect(row).toMatchObject({ quantity: "15.000", fifo: "1900.00", lifo: "1600.00", average: "1750.00" });
  });

  it("per warehouse and per family (in base units)", async () => {
    const t = await makeTenant();
    const a = { userId: null };
    const bar = await makeWarehouse(t.tenantId, "Bar");
    const { id: fam } = await withTenant(t.tenantId, (tx) => createFamily(tx, { name: "Cacao", baseUnit: "g", targetStock: "10000" }, a));
    const small = await makeProduct(t.tenantId, { name: "Cacao 400 g", familyId: fam, conversionFactor: "400" });
    const big = await makeProduct(t.tenantId, { name: "Cacao 900 g", familyId: fam, conversionFactor: "900" });
    const other = await makeProduct(t.tenantId, { name: "Azúcar 1 kg" });
    await withTenant(t.tenantId, async (tx) => {
      await receiveStock(tx, { productId: small, warehouseId: t.warehouseId, quantity: "4", unitCost: "1000" }, a);
      await receiveStock(tx, { productId: small, warehouseId: t.warehouseId, quantity: "2", unitCost: "1300" }, a);
      await receiveStock(tx, { productId: big, warehouseId: t.warehouseId, quantity: "3", unitCost: "2000" }, a);
      await receiveStock(tx, { productId: other, warehouseId: bar, quantity: "5", unitCost: "900" }, a);
    });
    // Move 2 small bags (the oldest lot, 1000 each) to the bar.
    await withTenant(t.tenantId, (tx) => transferStock(tx, { productId: small, fromWarehouseId: t.warehouseId, toWarehouseId: bar, quantity: "2" }, a));

    // Main: small 4 left = lots 2@1000 + 2@1300 → FIFO 4600; layers 4@1000, 2@1300 → LIFO 4×1000 = 4000;
    //       average (4000+2600)/6 = 1100 × 4 = 4400. Big 3@2000 = 6000 in all three.
    // Bar:  small 2@1000 (layer: transfer in) = 2000 in all three; sugar 5@900 = 4500.
    const byWarehouse = await withTenant(t.tenantId, (tx) => valuateStock(tx, { groupBy: "warehouse" }));
    expect(byWarehouse).toEqual([
      { key: bar, name: "Bar", quantity: "7.000", fifo: "6500.00", lifo: "6500.00", average: "6500.00" },
      { key: t.warehouseId, name: "Depósito principal", quantity: "7.000", fifo: "10600.00", lifo: "10000.00", average: "10400.00" },
    ]);

    // Family in grams: 6 × 400 + 3 × 900 = 5100 g.
    const [family] = await withTenant(t.tenantId, (tx) => valuateStock(tx, { groupBy: "family" }));
    expect(family).toEqual({ key: fam, name: "Cacao", quantity: "5100.000", fifo: "12600.00", lifo: "12000.00", average: "12400.00" });

    const onlyBar = await withTenant(t.tenantId, (tx) => valuateStock(tx, { groupBy: "product", warehouseId: bar }));
    expect(onlyBar.map((r) => [r.name.split(" (")[0], r.fifo])).toEqual([
      ["Azúcar 1 kg", "4500.00"],
      ["Cacao 400 g", "2000.00"],
    ]);
  });
});
