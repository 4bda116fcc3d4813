import { describe, expect, it } from "vitest";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "../../test/factories";
import { levelMismatches, lotsOf, makePack, makeProduct, movementsOf, stockOf } from "../../test/inventory";
import { receiveStock, type TReceiveStockInput } from "./receive-stock";
import { exitStock, type TExitStockInput } from "./exit-stock";
import { consumeStock } from "./consume-stock";
import { AppError } from "../errors/app-error";

type T = Awaited<ReturnType<typeof makeTenant>>;
const receive = (t: T, i: Omit<TReceiveStockInput, "warehouseId"> & { warehouseId?: string }) =>
  withTenant(t.tenantId, (tx) => receiveStock(tx, { warehouseId: t.warehouseId, ...i }, { userId: t.ownerId }));
const exit = (t: T, i: Omit<TExitStockInput, "warehouseId" | "movementType"> & Partial<TExitStockInput>) =>
  withTenant(t.tenantId, (tx) => exitStock(tx, { warehouseId: t.warehouseId, movementType: "SALE", ...i }, { userId: t.ownerId }));

describe("exitStock", () => {
  it("consumes lots FEFO (soonest expiry first; lots without expiry last) and returns the real cost", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId) // lots with and without expiry (an expiry flag would demand a date);
    await receive(t, { productId: p, quantity: "5", unitCost: "10", lotNumber: "A-none" });
    await receive(t, { productId: p, quantity: "5", unitCost: "20", lotNumber: "B-march", expiresAt: "2027-03-01" });
    await receive(t, { productId: p, quantity: "5", unitCost: "30", lotNumber: "C-jan", expiresAt: "2027-01-15" });

    const r = await exit(t, { productId: p, quantity: "7" });
    // 5 from C (expires first) at 30, 2 from B at 20.
    expect(r.costTotal).toBe("190.0000");
    expect(r.shortfall).toBe("0.000");
    const lots = await lotsOf(t.tenantId, p);
    expect(Object.fromEntries(lots.map((l) => [l.lot_number, l.quantity]))).toEqual({ "A-none": "5.000", "B-march": "3.000", "C-jan": "0.000" });
    expect(r.lines.map((l) => [l.quantity, l.unitCost])).toEqual([
      ["5.000", "30.0000"],
      ["2.000", "20.0000"],
    ]);
    const mv = (await movementsOf(t.tenantId, p)).filter((m) => m.type === "SALE");
    expect(mv.map((m) => [m.quantity, m.stock_before, m.stock_after])).toEqual([
      ["-5.000", "15.000", "10.000"],
      ["-2.000", "10.000", "8.000"],
    ]);
    expect(new Set(mv.map((m) => m.operation_id)).size).toBe(1);
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "8.000", lots: "8.000" });
  });

  it("falls back to FIFO by received date among lots with the same (or no) expiry", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId);
    await receive(t, { productId: p, quantity: "4", unitCost: "12", lotNumber: "new", receivedAt: "2026-11-20T10:00:00Z" });
    await receive(t, { productId: p, quantity: "4", unitCost: "11", lotNumber: "old", receivedAt: "2026-10-01T10:00:00Z" });
    const r = await exit(t, { productId: p, quantity: "5", movementType: "OUT" });
    expect(r.costTotal).toBe(String(4 * 11 + 12) + ".0000");
    const lots = await lotsOf(t.tenantId, p);
    expect(Object.fromEntries(lots.map((l) => [l.lot_number, l.quantity]))).toEqual({ new: "3.000", old: "0.000" });
  });

  it("refuses more than there is with a typed error naming product and quantities, writing nothing", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId, { name: "Agua sin gas 500 ml" });
    await receive(t, { productId: p, quantity: "2", unitCost: "100" });
    const err = await exit(t, { productId: p, quantity: "2.5" }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("INSUFFICIENT_STOCK");
    expect(err.details).toEqual({ productId: p, productName: "Agua sin gas 500 ml", requested: "2.500", available: "2.000" });
    expect(err.message).toMatch(/Agua sin gas 500 ml.*2,5.*2/);
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "2.000", lots: "2.000" });
    expect((await movementsOf(t.tenantId, p)).length).toBe(1);
  });

  it("with allowNegative records the shortfall in a deficit lot, flagged, and the next receipt fills it", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId);
    await receive(t, { productId: p, quantity: "1", unitCost: "50" });
    const r = await exit(t, { productId: p, quantity: "3", allowNegative: true });
    expect(r.shortfall).toBe("2.000");
    expect(r.costTotal).toBe("150.0000"); // 1 at 50 + 2 valued at the last known cost 50
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "-2.000", lots: "-2.000" });
    const flagged = (await movementsOf(t.tenantId, p)).filter((m) => m.is_shortfall);
    expect(flagged.map((m) => [m.quantity, m.stock_before, m.stock_after])).toEqual([["-2.000", "0.000", "-2.000"]]);

    // Selling again short adds to the same deficit lot.
    await exit(t, { productId: p, quantity: "1", allowNegative: true });
    expect((await lotsOf(t.tenantId, p)).filter((l) => l.is_deficit).map((l) => l.quantity)).toEqual(["-3.000"]);

    const rec = await receive(t, { productId: p, quantity: "5", unitCost: "60" });
    const lots = await lotsOf(t.tenantId, p);
    expect(lots.filter((l) => l.is_deficit).map((l) => l.quantity)).toEqual(["0.000"]);
    expect(lots.find((l) => l.id === rec.lotId)!.quantity).toBe("2.000");
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "2.000", lots: "2.000" });
    expect(await levelMismatches(t.tenantId)).toEqual([]);
  });

  it("auto-unpacks whole parent packs when the child is short, carrying cost per unit and the parent's expiry", async () => {
    const t = await makeTenant();
    const bottle = await makeProduct(t.tenantId, { name: "Agua 500 ml" });
    const six = await makeProduct(t.tenantId, { name: "Agua 500 ml x6" });
    await makePack(t.tenantId, six, bottle, "6");
    await receive(t, { productId: bottle, quantity: "2", unitCost: "100", lotNumber: "B1" });
    await receive(t, { productId: six, quantity: "3", unitCost: "480", lotNumber: "P1", expiresAt: "2027-06-30" });

    // Needs 9 with 2 loose → opens 2 six-packs (12 bottles). The opened bottles expire
    // (the pack's expiry) and the loose ones do not, so FEFO takes all 9 from the opened lot.
    const r = await exit(t, { productId: bottle, quantity: "9" });
    expect(r.lines.map((l) => [l.quantity, l.unitCost])).toEqual([["9.000", "80.0000"]]);
    expect(r.costTotal).toBe("720.0000");
    expect(await stockOf(t.tenantId, six, t.warehouseId)).toEqual({ level: "1.000", lots: "1.000" });
    expect(await stockOf(t.tenantId, bottle, t.warehouseId)).toEqual({ level: "5.000", lots: "5.000" });
    const child = (await lotsOf(t.tenantId, bottle)).find((l) => l.origin_lot_id);
    expect(child).toMatchObject({ lot_number: "P1", initial_quantity: "12.000", quantity: "3.000", unit_cost: "80.0000", expires_at: "2027-06-30" });
    expect((await lotsOf(t.tenantId, bottle)).find((l) => l.lot_number === "B1")!.quantity).toBe("2.000");

    const parentMv = await movementsOf(t.tenantId, six);
    expect(parentMv.filter((m) => m.type === "UNPACK").map((m) => [m.quantity, m.stock_before, m.stock_after])).toEqual([["-2.000", "3.000", "1.000"]]);
    const childMv = await movementsOf(t.tenantId, bottle);
    expect(childMv.map((m) => [m.type, m.quantity])).toEqual([
      ["IN", "2.000"],
      ["UNPACK", "12.000"],
      ["SALE", "-9.000"],
    ]);
    // One operation id ties the unpack to the sale.
    expect(new Set([...parentMv.filter((m) => m.type === "UNPACK"), ...childMv.filter((m) => m.type !== "IN")].map((m) => m.operation_id)).size).toBe(1);
    expect(await levelMismatches(t.tenantId)).toEqual([]);
  });

  it("counts packs in the available quantity and refuses when even unpacking is not enough", async () => {
    const t = await makeTenant();
    const bottle = await makeProduct(t.tenantId, { name: "Botella" });
    const six = await makeProduct(t.tenantId);
    await makePack(t.tenantId, six, bottle, "6");
    await receive(t, { productId: six, quantity: "1", unitCost: "60" });
    await receive(t, { productId: bottle, quantity: "1", unitCost: "9" });
    const err = await exit(t, { productId: bottle, quantity: "8" }).catch((e) => e);
    expect(err.code).toBe("INSUFFICIENT_STOCK");
    expect(err.details.available).toBe("7.000");
    expect(await stockOf(t.tenantId, six, t.warehouseId)).toEqual({ level: "1.000", lots: "1.000" });
    expect((await movementsOf(t.tenantId, six)).length).toBe(1);
  });

  it("unpacks nested packs (box of 4 six-packs → six-pack → bottle)", async () => {
    const t = await makeTenant();
    const bottle = await makeProduct(t.tenantId);
    const six = await makeProduct(t.tenantId);
    const box = await makeProduct(t.tenantId);
    await makePack(t.tenantId, six, bottle, "6");
    await makePack(t.tenantId, box, six, "4");
    await receive(t, { productId: box, quantity: "1", unitCost: "2400" });
    const r = await exit(t, { productId: bottle, quantity: "1" });
    expect(r.costTotal).toBe("100.0000");
    expect((await stockOf(t.tenantId, box, t.warehouseId)).level).toBe("0.000");
    expect((await stockOf(t.tenantId, six, t.warehouseId)).level).toBe("3.000");
    expect((await stockOf(t.tenantId, bottle, t.warehouseId)).level).toBe("5.000");
    expect(await levelMismatches(t.tenantId)).toEqual([]);
  });

  it("services leave no stock trace", async () => {
    const t = await makeTenant();
    const s = await makeProduct(t.tenantId, { isService: true });
    expect(await exit(t, { productId: s, quantity: "3" })).toEqual({ costTotal: "0.0000", lines: [], shortfall: "0.000" });
    expect(await movementsOf(t.tenantId, s)).toEqual([]);
  });
});

describe("consumeStock", () => {
  it("records a CONSUME to a room with its reference, and requires the room", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId, { name: "Chocolate minibar" });
    await receive(t, { productId: p, quantity: "10", unitCost: "700" });
    const r = await withTenant(t.tenantId, (tx) =>
      consumeStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "2", destinationType: "ROOM", reference: "HAB-502" }, { userId: t.ownerId }),
    );
    expect(r.costTotal).toBe("1400.0000");
    await withTenant(t.tenantId, (tx) =>
      consumeStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "1", destinationType: "KITCHEN" }, { userId: t.ownerId }),
    );
    const mv = (await movementsOf(t.tenantId, p)).filter((m) => m.type === "CONSUME");
    expect(mv.map((m) => [m.destination_type, m.reference, m.quantity])).toEqual([
      ["ROOM", "HAB-502", "-2.000"],
      ["KITCHEN", null, "-1.000"],
    ]);
    await expect(
      withTenant(t.tenantId, (tx) => consumeStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "1", destinationType: "ROOM" }, { userId: null })),
    ).rejects.toThrow(/habitación/);
    expect((await stockOf(t.tenantId, p, t.warehouseId)).level).toBe("7.000");
  });
});
