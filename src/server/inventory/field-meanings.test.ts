import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "../../test/factories";
import { makeProduct, makeWarehouse } from "../../test/inventory";
import { addStock, makeFamily } from "../../test/purchasing";
import { receiveStock } from "./receive-stock";
import { transferStock } from "./transfer-stock";
import { runReplenishment } from "../purchasing/compute-replenishment";
import { listSuggestions } from "../purchasing/suggestions";
import { setWarehouseActive } from "../catalog/set-warehouse-active";

// Issue 21 item 4: product and warehouse fields do what their names promise.

describe("fields that mean what they say", () => {
  it("trackBatches: a receipt of a lot-tracked product needs its lot number", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId, { name: "Insulina", trackBatches: true });
    const receive = (lotNumber?: string) =>
      withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "3", unitCost: "10", lotNumber }, { userId: null }));
    await expect(receive()).rejects.toThrow(/se controla por lote/);
    await expect(receive("  ")).rejects.toThrow(/se controla por lote/);
    await expect(receive("IN-77")).resolves.toMatchObject({ lotId: expect.any(String) });
  });

  it("stockMax: caps a family member's suggested packs and warns on receipts above it", async () => {
    const t = await makeTenant();
    const family = await makeFamily(t.tenantId, "Cacao", "g", "10000");
    // 400 g bags: max 5, 3 in stock → room for 2 bags; 900 g bags: no maximum.
    const bag400 = await makeProduct(t.tenantId, { name: "Cacao 400 g", familyId: family, conversionFactor: "400", stockMax: "5" });
    const bag900 = await makeProduct(t.tenantId, { name: "Cacao 900 g", familyId: family, conversionFactor: "900" });
    await addStock(t.tenantId, bag400, t.warehouseId, "3", "3000"); // 1200 g → need 8800 g
    await withTenant(t.tenantId, (tx) => runReplenishment(tx, { today: "2026-04-01", mode: "cron" }));
    const { rows } = await withTenant(t.tenantId, (tx) => listSuggestions(tx));
    const s = rows.find((r) => r.familyId === family)!;
    expect(s.options.map((o) => [o.productId, o.packs])).toEqual([
      [bag900, "10"],
      [bag400, "2"],
    ]);
    const r1 = await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: bag400, warehouseId: t.warehouseId, quantity: "2", unitCost: "3000" }, { userId: null }));
    expect(r1.warning).toBeUndefined();
    const r2 = await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: bag400, warehouseId: t.warehouseId, quantity: "1", unitCost: "3000" }, { userId: null }));
    expect(r2.warning).toMatch(/quedó con 6, por encima de su stock máximo \(5\)/);
  });

  it("warehouses.active: only an empty, secondary warehouse is deactivated; then it takes no receipts", async () => {
    const t = await makeTenant();
    const back = await makeWarehouse(t.tenantId, `Fondo ${randomUUID().slice(0, 4)}`);
    const p = await makeProduct(t.tenantId, { name: "Lavandina" });
    const set = (warehouseId: string, active: boolean) => withTenant(t.tenantId, (tx) => setWarehouseActive(tx, { warehouseId, active }, { userId: null }));
    const receive = () => withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: back, quantity: "2", unitCost: "10" }, { userId: null }));
    await expect(set(t.warehouseId, false)).rejects.toThrow(/principal/);
    await receive();
    await expect(set(back, false)).rejects.toThrow(/todavía tiene stock/);
    await withTenant(t.tenantId, (tx) => transferStock(tx, { productId: p, fromWarehouseId: back, toWarehouseId: t.warehouseId, quantity: "2" }, { userId: null }));
    await expect(set(back, false)).resolves.toEqual({ active: false });
    await expect(receive()).rejects.toThrow(/desactivado/);
    await set(back, true);
    await expect(receive()).resolves.toMatchObject({ lotId: expect.any(String) });
  });
});
