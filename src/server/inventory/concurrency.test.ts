import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "../../test/factories";
import { levelMismatches, makePack, makeProduct, makeWarehouse, movementsOf, stockOf } from "../../test/inventory";
import { receiveStock } from "./receive-stock";
import { exitStock } from "./exit-stock";
import { transferStock } from "./transfer-stock";
import { AppError } from "../errors/app-error";

// Enough connections that every transaction below really runs at the same time.
process.env.DATABASE_POOL_MAX = "40";

const PARALLEL = 24;

describe("concurrent stock exits", () => {
  it(`${PARALLEL} transactions selling the last unit: exactly one wins, the rest get INSUFFICIENT_STOCK`, async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId, { name: "Último alfajor" });
    await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "1", unitCost: "500" }, { userId: null }));

    // A barrier: every transaction has started (and done a query) before any of them exits.
    let arrived = 0;
    let release!: () => void;
    const allIn = new Promise<void>((r) => (release = r));
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, () =>
        withTenant(t.tenantId, async (tx) => {
          await tx.execute(sql`select 1`);
          if (++arrived === PARALLEL) release();
          await allIn;
          return exitStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "1", movementType: "SALE" }, { userId: null });
        }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok.length).toBe(1);
    expect(failed.length).toBe(PARALLEL - 1);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(AppError);
      expect(f.reason.code).toBe("INSUFFICIENT_STOCK");
      expect(f.reason.details).toMatchObject({ productName: "Último alfajor", requested: "1.000", available: "0.000" });
    }
    expect(await stockOf(t.tenantId, p, t.warehouseId)).toEqual({ level: "0.000", lots: "0.000" });
    expect((await movementsOf(t.tenantId, p)).filter((m) => m.type === "SALE").length).toBe(1);
  });

  it("parallel single-bottle sales over one six-pack: exactly six win, one pack opened once", async () => {
    const t = await makeTenant();
    const bottle = await makeProduct(t.tenantId);
    const six = await makeProduct(t.tenantId);
    await makePack(t.tenantId, six, bottle, "6");
    await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: six, warehouseId: t.warehouseId, quantity: "1", unitCost: "600" }, { userId: null }));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        withTenant(t.tenantId, (tx) =>
          exitStock(tx, { productId: bottle, warehouseId: t.warehouseId, quantity: "1", movementType: "SALE" }, { userId: null }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(6);
    expect((await movementsOf(t.tenantId, six)).filter((m) => m.type === "UNPACK").length).toBe(1);
    expect(await stockOf(t.tenantId, bottle, t.warehouseId)).toEqual({ level: "0.000", lots: "0.000" });
    expect(await levelMismatches(t.tenantId)).toEqual([]);
  });

  it("parallel partial exits drain stock exactly, and opposite transfers do not deadlock", async () => {
    const t = await makeTenant();
    const bar = await makeWarehouse(t.tenantId, "Bar");
    const p = await makeProduct(t.tenantId);
    await withTenant(t.tenantId, async (tx) => {
      for (const [w, q] of [[t.warehouseId, "30"], [bar, "30"]] as const)
        await receiveStock(tx, { productId: p, warehouseId: w, quantity: q, unitCost: "3" }, { userId: null });
    });
    const jobs = [
      ...Array.from({ length: 25 }, () =>
        withTenant(t.tenantId, (tx) => exitStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "1.5", movementType: "SALE" }, { userId: null })),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        withTenant(t.tenantId, (tx) =>
          transferStock(
            tx,
            { productId: p, fromWarehouseId: i % 2 ? bar : t.warehouseId, toWarehouseId: i % 2 ? t.warehouseId : bar, quantity: "1" },
            { userId: null },
          ),
        ),
      ),
    ];
    const results = await Promise.allSettled(jobs);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    for (const r of rejected) expect(r.reason.code).toBe("INSUFFICIENT_STOCK");
    const main = await stockOf(t.tenantId, p, t.warehouseId);
    const inBar = await stockOf(t.tenantId, p, bar);
    const sold = results.slice(0, 25).filter((r) => r.status === "fulfilled").length;
    expect(Number(main.level) + Number(inBar.level)).toBe(60 - sold * 1.5);
    expect(Number(main.level)).toBeGreaterThanOrEqual(0);
    expect(await levelMismatches(t.tenantId)).toEqual([]);
  });
});
