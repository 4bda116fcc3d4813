import { describe, expect, it } from "vitest";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "../../test/factories";
import { levelMismatches, lotsOf, makeProduct, movementsOf, stockOf } from "../../test/inventory";
import { receiveStock } from "./receive-stock";
import { AppError } from "../errors/app-error";

describe("receiveStock", () => {
  it("creates a lot with its real cost and expiry, an IN movement and moves the level", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId, { name: "Leche entera 1 l" });
    const r1 = await withTenant(t.tenantId, (tx) =>
      receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "12", unitCost: "850.5", lotNumber: "L-1", expiresAt: "2027-01-10" }, { userId: t.ownerId }),
    );
    const r2 = await withTenant(t.tenantId, (tx) =>
      receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "6.5", unitCost: "900", reference: "Stock inicial" }, { userId: t.ownerId }),
    );
    expect(r1.lotId).not.toBe(r2.lotId);
    const lots = await lotsOf(t.tenantId, p);
    expect(lots.map((l) => [l.lot_number, l.quantity, l.initial_quantity, l.unit_cost, l.expires_at])).toEqual([
      ["L-1", "12.000", "12.000", "850.5000", "2027-01-10"],
      [null, "6.500", "6.500", "900.0000", null],
    ]);
    const mv = await movementsOf(t.tenantId, p);
    expect(mv.map((m) => [m.type, m.quantity, m.stock_before, m.stock_after, m.user_id])).toEqual([
      ["IN", "12.000", "0.000", "12.000", t.ownerId],
      ["IN", "6.500", "12.000", "18.500", t.ownerId],
    ]);
    expect(mv[1]!.reference).toBe("Stock inicial");
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "18.500", lots: "18.500" });
  });

  it("records RETURN when asked and rejects bad input, services and unknown products without writing", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId);
    await withTenant(t.tenantId, (tx) =>
      receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "1", unitCost: "10", movementType: "RETURN" }, { userId: null }),
    );
    expect((await movementsOf(t.tenantId, p))[0]!.type).toBe("RETURN");

    await expect(
      withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "-1", unitCost: "10" }, { userId: null })),
    ).rejects.toThrow();
    await expect(
      withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "1.2345", unitCost: "10" }, { userId: null })),
    ).rejects.toThrow(/hasta 3 decimales/);
    const service = await makeProduct(t.tenantId, { isService: true });
    const err = await withTenant(t.tenantId, (tx) =>
      receiveStock(tx, { productId: service, warehouseId: t.warehouseId, quantity: "1", unitCost: "1" }, { userId: null }),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("VALIDATION");

    // Another tenant's product is invisible: NOT_FOUND, not a foreign-key leak.
    const other = await makeTenant();
    const err2 = await withTenant(other.tenantId, (tx) =>
      receiveStock(tx, { productId: p, warehouseId: other.warehouseId, quantity: "1", unitCost: "1" }, { userId: null }),
    ).catch((e) => e);
    expect((err2 as AppError).code).toBe("NOT_FOUND");
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "1.000", lots: "1.000" });
    expect(await levelMismatches(t.tenantId)).toEqual([]);
  });
});
