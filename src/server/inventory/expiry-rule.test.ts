import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "../../test/factories";
import { lotsOf, makeProduct } from "../../test/inventory";
import { makeSupplier } from "../../test/purchasing";
import { receiveStock } from "./receive-stock";
import { receiveGoods } from "../purchasing/receive-goods";
import { AppError } from "../errors/app-error";

// "Tiene vencimiento" is one rule for every way stock comes in: the manual receive dialog
// (inventory.receive → receiveStock) and purchase receipts (receiveGoods → receiveStock).
describe("a product marked «tiene vencimiento»", () => {
  it("cannot be received without an expiry through the stock dialog's service; nothing is written", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId, { name: "Yogur natural", hasExpiry: true });
    const err = await withTenant(t.tenantId, (tx) =>
      receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "6", unitCost: "100", expiresAt: null }, { userId: t.ownerId }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("VALIDATION");
    expect((err as AppError).message).toMatch(/Yogur natural.*tiene vencimiento/);
    expect((err as AppError).details).toMatchObject({ field: "expiresAt" });
    expect(await lotsOf(t.tenantId, p)).toEqual([]);

    await withTenant(t.tenantId, (tx) =>
      receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "6", unitCost: "100", expiresAt: "2027-02-01" }, { userId: t.ownerId }),
    );
    expect((await lotsOf(t.tenantId, p)).map((l) => l.expires_at)).toEqual(["2027-02-01"]);
  });

  it("cannot be received without an expiry in a purchase receipt: the whole receipt is refused", async () => {
    const t = await makeTenant();
    const supplierId = await makeSupplier(t.tenantId);
    const plain = await makeProduct(t.tenantId, { name: "Servilletas" });
    const dated = await makeProduct(t.tenantId, { name: "Leche", hasExpiry: true });
    const receipt = (expiresAt: string | null) =>
      withTenant(t.tenantId, (tx) =>
        receiveGoods(
          tx,
          {
            idempotencyKey: randomUUID(),
            supplierId,
            lines: [
              { productId: plain, quantity: "10", unitCost: "50" },
              { productId: dated, quantity: "12", unitCost: "800", expiresAt },
            ],
          },
          { userId: t.ownerId },
        ),
      );
    await expect(receipt(null)).rejects.toThrow(/Leche.*tiene vencimiento/);
    expect(await lotsOf(t.tenantId, plain)).toEqual([]);
    await receipt("2027-01-10");
    expect((await lotsOf(t.tenantId, dated)).map((l) => l.expires_at)).toEqual(["2027-01-10"]);
    expect((await lotsOf(t.tenantId, plain)).map((l) => l.expires_at)).toEqual([null]);
  });

  it("needs no date on products without the flag, nor on returns to stock", async () => {
    const t = await makeTenant();
    const plain = await makeProduct(t.tenantId);
    const dated = await makeProduct(t.tenantId, { hasExpiry: true });
    await withTenant(t.tenantId, async (tx) => {
      await receiveStock(tx, { productId: plain, warehouseId: t.warehouseId, quantity: "1", unitCost: "1" }, { userId: null });
      await receiveStock(tx, { productId: dated, warehouseId: t.warehouseId, quantity: "1", unitCost: "1", movementType: "RETURN" }, { userId: null });
    });
    expect(await lotsOf(t.tenantId, plain)).toHaveLength(1);
    expect(await lotsOf(t.tenantId, dated)).toHaveLength(1);
  });
});
