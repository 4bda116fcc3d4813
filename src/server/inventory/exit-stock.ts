import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { destinationType, type MovementType } from "../db/schema/inventory";
import { AppError } from "../errors/app-error";
import { dec, Decimal, ZERO } from "@/lib/decimal";
import { formatQty } from "@/lib/format";
import {
  addToDeficit,
  flush,
  lastUnitCost,
  lockLevel,
  openLots,
  productInfo,
  sortLots,
  sumQty,
  TENANT,
  ZId,
  ZQuantity,
  type Actor,
  type Level,
  type MovementRow,
  type NewLot,
  type OpenLot,
} from "./ledger";
import { lockExitChain } from "./lock-exit-chain";

export const ZExitStockInput = z.object({
  productId: ZId,
  warehouseId: ZId,
  quantity: ZQuantity,
  movementType: z.enum(["SALE", "CONSUME", "OUT"]),
  destinationType: z.enum(destinationType.enumValues).optional(),
  reference: z.string().trim().max(120).optional(),
  sourceType: z.string().trim().max(40).optional(),
  sourceId: z.string().trim().max(80).optional(),
  allowNegative: z.boolean().optional(),
});
export type TExitStockInput = z.input<typeof ZExitStockInput>;

export type ExitStockResult = {
  /** Cost of what left, from the lots actually consumed (shortfall valued at the last known cost). */
  costTotal: string;
  lines: { lotId: string; quantity: string; unitCost: string }[];
  /** Quantity that left without stock (only with allowNegative); "0.000" otherwise. */
  shortfall: string;
};

/** Packs nest (pallet → six-pack → bottle) but not forever. */
const MAX_PACK_DEPTH = 4;

type LotPick = { lot: OpenLot; quantity: Decimal; isNew: boolean };
type Plan = {
  productId: string;
  warehouseId: string;
  level: Level;
  picks: LotPick[];
  /** Child lots created by opening parents (inserted with what is left after the picks). */
  newLots: (NewLot & { key: string; rk: string })[];
  unpack: { parent: Plan; units: Decimal } | null;
  /** Everything obtainable: open lots plus what unpacking could yield. */
  available: Decimal;
  taken: Decimal;
};

/**
 * Phase 1: lock and read, write nothing. Reads the pair's level and open lots and, when
 * short, plans opening whole parent packs. The levels of the pair and of every parent were
 * already locked in product-id order by lockExitChain, so re-locking here never waits.
 */
async function plan(tx: Tx, productId: string, warehouseId: string, wanted: Decimal, depth: number): Promise<Plan> {
  const level = await lockLevel(tx, productId, warehouseId);
  const lots = level.isService ? [] : await openLots(tx, productId, warehouseId);
  const own = sumQty(lots);
  let unpack: Plan["unpack"] = null;
  const newLots: Plan["newLots"] = [];
  if (!level.isService && own.lt(wanted) && depth < MAX_PACK_DEPTH) {
    const [pack] = await tx.execute<{ parent_product_id: string; units_per_parent: string }>(sql`
      select parent_product_id, units_per_parent from packs where tenant_id = ${TENANT} and child_product_id = ${productId} and auto_unpack`);
    if (pack) {
      const units = dec(pack.units_per_parent);
      const parentsWanted = wanted.minus(own).div(units).ceil();
      const parent = await plan(tx, pack.parent_product_id, warehouseId, parentsWanted, depth + 1);
      if (parent.taken.gt(0)) {
        unpack = { parent, units };
        for (const p of parent.picks) {
          newLots.push({
            id: randomUUID(),
            productId,
            warehouseId,
            lotNumber: p.lot.lotNumber,
            initialQuantity: p.quantity.times(units),
            quantity: p.quantity.times(units),
            unitCost: dec(p.lot.unitCost).div(units).toFixed(4),
            receivedAt: p.lot.receivedAt + "Z",
            expiresAt: p.lot.expiresAt,
            originLotId: p.lot.id,
            key: p.lot.key,
            rk: p.lot.receivedAt,
          });
        }
      }
    }
  }
  const candidates = sortLots<{ key: string; lot: OpenLot; isNew: boolean }>([
    ...lots.map((l) => ({ key: l.key, lot: l, isNew: false })),
    ...newLots.map((n) => ({
      key: n.key,
      isNew: true,
      lot: {
        id: n.id,
        quantity: n.quantity,
        unitCost: n.unitCost,
        lotNumber: n.lotNumber,
        expiresAt: n.expiresAt,
        receivedAt: n.rk,
        key: n.key,
        rootId: n.id,
      },
    })),
  ]);
  const available = sumQty(candidates.map((c) => c.lot));
  const picks: LotPick[] = [];
  let remaining = Decimal.min(wanted, available);
  for (const c of candidates) {
    if (remaining.lte(0)) break;
    const q = Decimal.min(remaining, c.lot.quantity);
    picks.push({ lot: c.lot, quantity: q, isNew: c.isNew });
    remaining = remaining.minus(q);
  }
  return { productId, warehouseId, level, picks, newLots, unpack, available, taken: sumQty(picks) };
}

type Context = {
  operationId: string;
  movements: MovementRow[];
  lotDeltas: { lotId: string; delta: Decimal }[];
  newLots: NewLot[];
  levelDeltas: { productId: string; warehouseId: string; delta: Decimal }[];
  extra: Pick<MovementRow, "destinationType" | "reference" | "sourceType" | "sourceId">;
};

/** Phase 2: turn a plan into writes (collected, then flushed in a few statements). */
function execute(p: Plan, type: MovementType, ctx: Context, shortfall: Decimal, shortfallCost: string, shortfallLotId: string | null) {
  let stock = p.level.quantity;
  if (p.unpack) {
    execute(p.unpack.parent, "UNPACK", ctx, ZERO, "0", null);
    for (const n of p.newLots) {
      const before = stock;
      stock = stock.plus(n.initialQuantity);
      ctx.movements.push({
        id: randomUUID(),
        type: "UNPACK",
        productId: p.productId,
        warehouseId: p.warehouseId,
        lotId: n.id,
        quantity: n.initialQuantity,
        unitCost: n.unitCost,
        stockBefore: before,
        stockAfter: stock,
        ...ctx.extra,
        destinationType: null,
      });
    }
  }
  const takenFromNew = new Map<string, Decimal>();
  for (const pick of p.picks) {
    if (pick.isNew) takenFromNew.set(pick.lot.id, pick.quantity);
    else ctx.lotDeltas.push({ lotId: pick.lot.id, delta: pick.quantity.neg() });
    const before = stock;
    stock = stock.minus(pick.quantity);
    ctx.movements.push({
      id: randomUUID(),
      type,
      productId: p.productId,
      warehouseId: p.warehouseId,
      lotId: pick.lot.id,
      quantity: pick.quantity.neg(),
      unitCost: pick.lot.unitCost,
      stockBefore: before,
      stockAfter: stock,
      ...ctx.extra,
      ...(type === "UNPACK" ? { destinationType: null } : {}),
    });
  }
  for (const { key: _k, rk: _r, ...n } of p.newLots) ctx.newLots.push({ ...n, quantity: n.initialQuantity.minus(takenFromNew.get(n.id) ?? ZERO) });
  if (shortfall.gt(0)) {
    const before = stock;
    stock = stock.minus(shortfall);
    ctx.movements.push({
      id: randomUUID(),
      type,
      productId: p.productId,
      warehouseId: p.warehouseId,
      lotId: shortfallLotId,
      quantity: shortfall.neg(),
      unitCost: shortfallCost,
      stockBefore: before,
      stockAfter: stock,
      ...ctx.extra,
      isShortfall: true,
    });
  }
  ctx.levelDeltas.push({ productId: p.productId, warehouseId: p.warehouseId, delta: stock.minus(p.level.quantity) });
}

/** What an exit answers: the lots it took from, at their cost, and what stock did not cover. */
export const ZExitStockResponse = z.object({
  costTotal: z.string(),
  lines: z.array(z.object({ lotId: z.uuid(), quantity: z.string(), unitCost: z.string() })),
  shortfall: z.string(),
});
export type TExitStockResponse = z.infer<typeof ZExitStockResponse>;

/**
 * Takes stock out of a warehouse: lots FEFO (soonest expiry first) then FIFO, opening
 * parent packs automatically when the product itself is short. Either everything is
 * written or nothing: all checks happen (under the locks) before the first write.
 */
export async function exitStock(tx: Tx, rawInput: TExitStockInput, actor: Actor): Promise<ExitStockResult> {
  const input = ZExitStockInput.parse(rawInput);
  const wanted = dec(input.quantity);
  await lockExitChain(tx, [input.productId], input.warehouseId);
  const p = await plan(tx, input.productId, input.warehouseId, wanted, 0);
  if (p.level.isService) return { costTotal: "0.0000", lines: [], shortfall: "0.000" };

  const shortfall = wanted.minus(p.taken);
  if (shortfall.gt(0) && !input.allowNegative) {
    const { name } = await productInfo(tx, input.productId);
    throw new AppError(
      "INSUFFICIENT_STOCK",
      `Stock insuficiente de «${name}»: se pidieron ${formatQty(wanted)} y hay ${formatQty(p.available)}.`,
      { productId: input.productId, productName: name, requested: wanted.toFixed(3), available: p.available.toFixed(3) },
    );
  }

  const ctx: Context = {
    operationId: randomUUID(),
    movements: [],
    lotDeltas: [],
    newLots: [],
    levelDeltas: [],
    extra: {
      destinationType: input.destinationType ?? null,
      reference: input.reference ?? null,
      sourceType: input.sourceType ?? null,
      sourceId: input.sourceId ?? null,
    },
  };
  let shortfallCost = "0.0000";
  let shortfallLotId: string | null = null;
  if (shortfall.gt(0)) {
    shortfallCost = await lastUnitCost(tx, input.productId);
    shortfallLotId = await addToDeficit(tx, input.productId, input.warehouseId, shortfall.neg(), shortfallCost);
  }
  execute(p, input.movementType, ctx, shortfall, shortfallCost, shortfallLotId);

  // One statement: child lots, lot deltas, ledger lines, levels.
  await flush(tx, ctx.operationId, actor, ctx);

  const lines = p.picks.map((k) => ({ lotId: k.lot.id, quantity: k.quantity.toFixed(3), unitCost: k.lot.unitCost }));
  const cost = p.picks.reduce((a, k) => a.plus(k.quantity.times(k.lot.unitCost)), ZERO).plus(shortfall.times(shortfallCost));
  return { costTotal: cost.toFixed(4), lines, shortfall: shortfall.gt(0) ? shortfall.toFixed(3) : "0.000" };
}
