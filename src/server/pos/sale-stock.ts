import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import type { ConsumedLot } from "../db/schema/pos";
import { exitStock } from "../inventory/exit-stock";
import { Decimal, ZERO } from "@/lib/decimal";
import type { StockRow } from "./sale-reads";

export type StockLine = { lineNo: number; productId: string; quantity: Decimal };
export type LineExit = { costTotal: string; lots: ConsumedLot[]; shortfall: string };
export type MovementOut = {
  id: string;
  product_id: string;
  lot_id: string;
  quantity: string;
  unit_cost: string;
  stock_before: string;
  stock_after: string;
  operation_id: string;
};
/** The stock writes of a sale, handed to writeSale's one statement. */
export type StockWrites = {
  lotDeltas: { id: string; delta: string }[];
  movements: MovementOut[];
  levelDeltas: { product_id: string; delta: string }[];
};
export const NO_STOCK_WRITES: StockWrites = { lotDeltas: [], movements: [], levelDeltas: [] };

/**
 * The common case without a round trip: every stocked line is covered by its product's own
 * open lots (no pack to open, nothing oversold). Takes lots FEFO then FIFO exactly as
 * exitStock does — one exit per line in product order, each with its own operation id, the
 * ledger's before/after running on the level — from the levels and lots readSale read under
 * the locks. null when any line needs more (unpacking, a shortfall, a level row to create):
 * the caller then runs exitStock line by line, as always. On success the rows are updated in
 * place to what the write will leave (nothing is changed on null).
 */
export function planSaleStock(lines: StockLine[], stock: Map<string, StockRow>): { exits: Map<number, LineExit>; writes: StockWrites } | null {
  const levels = new Map<string, Decimal>();
  const left = new Map<string, Decimal>(); // lot id → quantity still open after earlier lines
  const exits = new Map<number, LineExit>();
  const writes: StockWrites = { lotDeltas: [], movements: [], levelDeltas: [] };
  for (const l of lines) {
    const row = stock.get(l.productId);
    if (!row) return null;
    const lots = row.lots.map((lot) => ({ lot, open: left.get(lot.id) ?? lot.quantity })).filter((x) => x.open.gt(0));
    const available = lots.reduce((a, x) => a.plus(x.open), ZERO);
    if (available.lt(l.quantity)) return null;
    let level = levels.get(l.productId) ?? row.quantity;
    let remaining = l.quantity;
    let cost = ZERO;
    const consumed: ConsumedLot[] = [];
    const operationId = randomUUID();
    for (const { lot, open } of lots) {
      if (remaining.lte(0)) break;
      const q = Decimal.min(remaining, open);
      left.set(lot.id, open.minus(q));
      writes.lotDeltas.push({ id: lot.id, delta: q.neg().toFixed(3) });
      writes.movements.push({
        id: randomUUID(),
        product_id: l.productId,
        lot_id: lot.id,
        quantity: q.neg().toFixed(3),
        unit_cost: lot.unitCost,
        stock_before: level.toFixed(3),
        stock_after: level.minus(q).toFixed(3),
        operation_id: operationId,
      });
      level = level.minus(q);
      remaining = remaining.minus(q);
      cost = cost.plus(q.times(lot.unitCost));
      consumed.push({ lotId: lot.id, quantity: q.toFixed(3), unitCost: lot.unitCost });
    }
    levels.set(l.productId, level);
    writes.levelDeltas.push({ product_id: l.productId, delta: l.quantity.neg().toFixed(3) });
    exits.set(l.lineNo, { costTotal: cost.toFixed(4), lots: consumed, shortfall: "0.000" });
  }
  // Planned in full: the rows now say what the database will hold after the write, so a sync
  // group can plan its next sale from them without reading again.
  for (const [productId, level] of levels) {
    const row = stock.get(productId)!;
    row.quantity = level;
    row.lots = row.lots.map((lot) => ({ ...lot, quantity: left.get(lot.id) ?? lot.quantity })).filter((lot) => lot.quantity.gt(0));
  }
  return { exits, writes };
}

/** The general case: one exitStock per line (auto-unpack, deficit lots, level rows created). */
export async function exitSaleStock(
  tx: Tx,
  lines: StockLine[],
  sale: { id: string; warehouseId: string; allowNegative: boolean },
  actor: { userId: string },
): Promise<Map<number, LineExit>> {
  const exits = new Map<number, LineExit>();
  for (const l of lines) {
    const r = await exitStock(
      tx,
      {
        productId: l.productId,
        warehouseId: sale.warehouseId,
        quantity: l.quantity.toFixed(3),
        movementType: "SALE",
        destinationType: "CUSTOMER",
        sourceType: "SALE",
        sourceId: sale.id,
        allowNegative: sale.allowNegative,
      },
      actor,
    );
    exits.set(l.lineNo, { costTotal: r.costTotal, lots: r.lines, shortfall: r.shortfall });
  }
  return exits;
}
