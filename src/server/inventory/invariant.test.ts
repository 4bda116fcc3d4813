import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { makeTenant } from "../../test/factories";
import { levelMismatches, makePack, makeProduct, makeWarehouse } from "../../test/inventory";
import { receiveStock } from "./receive-stock";
import { exitStock } from "./exit-stock";
import { transferStock } from "./transfer-stock";
import { returnStock } from "./return-stock";
import { consumeStock } from "./consume-stock";

// Deterministic pseudo-random sequence (mulberry32) so a failure can be replayed.
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("stock_levels = Σ lots, and = Σ movements, after random operation sequences", () => {
  for (const seed of [7, 42, 2026]) {
    it(`seed ${seed}`, async () => {
      const rand = rng(seed);
      const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
      const qty = () => (Math.floor(rand() * 40) / 4 + 0.25).toFixed(2);
      const t = await makeTenant();
      const w2 = await makeWarehouse(t.tenantId, "Cocina");
      const bottle = await makeProduct(t.tenantId);
      const six = await makeProduct(t.tenantId);
      const plain = await makeProduct(t.tenantId);
      await makePack(t.tenantId, six, bottle, "6");
      const products = [bottle, six, plain];
      const warehouses = [t.warehouseId, w2];
      const sales: { productId: string; warehouseId: string; lines: { lotId: string; quantity: string }[]; quantity: string }[] = [];
      const actor = { userId: t.ownerId };
      let failures = 0;

      for (let i = 0; i < 120; i++) {
        const productId = pick(products);
        const warehouseId = pick(warehouses);
        const op = rand();
        try {
          await withTenant(t.tenantId, async (tx) => {
            if (op < 0.3) {
              const day = 1 + Math.floor(rand() * 28);
              await receiveStock(
                tx,
                {
                  productId,
                  warehouseId,
                  quantity: qty(),
                  unitCost: (rand() * 100).toFixed(4),
                  expiresAt: rand() < 0.5 ? `2027-0${1 + Math.floor(rand() * 9)}-${String(day).padStart(2, "0")}` : undefined,
                },
                actor,
              );
            } else if (op < 0.6) {
              const r = await exitStock(tx, { productId, warehouseId, quantity: qty(), movementType: "SALE", allowNegative: rand() < 0.2 }, actor);
              if (r.lines.length) sales.push({ productId, warehouseId, lines: r.lines, quantity: r.lines.reduce((a, l) => a + Number(l.quantity), 0).toFixed(3) });
            } else if (op < 0.7) {
              await consumeStock(tx, { productId, warehouseId, quantity: qty(), destinationType: "ROOM", reference: `HAB-${100 + i}` }, actor);
            } else if (op < 0.85) {
              await transferStock(tx, { productId, fromWarehouseId: warehouseId, toWarehouseId: warehouses.find((w) => w !== warehouseId)!, quantity: qty() }, actor);
            } else if (sales.length) {
              const s = sales.splice(Math.floor(rand() * sales.length), 1)[0]!;
              await returnStock(tx, { productId: s.productId, warehouseId: s.warehouseId, lots: s.lines, quantity: s.quantity, sourceType: "VOID", sourceId: String(i) }, actor);
            }
          });
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code !== "INSUFFICIENT_STOCK") throw e;
          failures++;
        }
        if (i % 20 === 19) expect(await levelMismatches(t.tenantId)).toEqual([]);
      }
      expect(failures).toBeGreaterThan(0); // the sequence really exercised refusals
      expect(await levelMismatches(t.tenantId)).toEqual([]);

      // The ledger replays to the same levels, and each movement chains stock_before → stock_after.
      const check = await withTenant(t.tenantId, (tx) =>
        tx.execute<{ product_id: string; warehouse_id: string; level: string; ledger: string; broken: number }>(sql`
          with m as (
            select product_id, warehouse_id, quantity, stock_before, stock_after,
                   lag(stock_after) over (partition by product_id, warehouse_id order by seq) as prev_after
            from stock_movements)
          select m.product_id, m.warehouse_id, l.quantity as level, sum(m.quantity) as ledger,
                 count(*) filter (where m.stock_after <> m.stock_before + m.quantity
                                   or m.stock_before <> coalesce(m.prev_after, 0))::int as broken
          from m join stock_levels l using (product_id, warehouse_id)
          group by 1, 2, 3`),
      );
      expect(check.length).toBeGreaterThan(0);
      for (const c of check) {
        expect(c.ledger).toBe(c.level);
        expect(c.broken).toBe(0);
      }
    });
  }
});
