import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { dec, Decimal } from "@/lib/decimal";
import { formatQty } from "@/lib/format";
import {
  flush,
  lockLevels,
  openLots,
  productInfo,
  sumQty,
  TENANT,
  ZId,
  ZQuantity,
  type Actor,
  type MovementRow,
  type NewLot,
} from "./ledger";

export const ZTransferStockInput = z
  .object({
    productId: ZId,
    fromWarehouseId: ZId,
    toWarehouseId: ZId,
    quantity: ZQuantity,
    reference: z.string().trim().max(120).optional(),
    sourceType: z.string().trim().max(40).optional(),
    sourceId: z.string().trim().max(80).optional(),
  })
  .refine((v) => v.fromWarehouseId !== v.toWarehouseId, {
    message: "El depósito de destino debe ser distinto del de origen",
    path: ["toWarehouseId"],
  });
export type TTransferStockInput = z.input<typeof ZTransferStockInput>;

export type TransferStockResult = {
  operationId: string;
  lines: { fromLotId: string; toLotId: string; quantity: string; unitCost: string }[];
};

export const ZTransferStockResponse = z.object({
  operationId: z.uuid(),
  lines: z.array(z.object({ fromLotId: z.uuid(), toLotId: z.uuid(), quantity: z.string(), unitCost: z.string() })),
});
export type TTransferStockResponse = z.infer<typeof ZTransferStockResponse>;

/**
 * Moves stock between warehouses lot by lot (FEFO then FIFO at the origin). Lot identity,
 * unit cost, received and expiry dates travel with the goods: the destination gets a lot
 * pointing at the original one (or that same lot, when goods come back).
 */
// eslint-disable-next-line max-lines-per-function -- one transfer's steps in order (lock lots, pick FEFO, move out and in), each commented
export async function transferStock(tx: Tx, rawInput: TTransferStockInput, actor: Actor): Promise<TransferStockResult> {
  const input = ZTransferStockInput.parse(rawInput);
  const { productId, fromWarehouseId: from, toWarehouseId: to } = input;
  const levels = await lockLevels(tx, [
    { productId, warehouseId: from },
    { productId, warehouseId: to },
  ]);
  const src = levels.get(`${productId}:${from}`)!;
  const dst = levels.get(`${productId}:${to}`)!;
  if (src.isService || dst.isService) {
    const { name } = await productInfo(tx, productId);
    throw new AppError("VALIDATION", `«${name}» es un servicio y no lleva stock.`, { productId });
  }

  const wanted = dec(input.quantity);
  const lots = await openLots(tx, productId, from);
  const available = sumQty(lots);
  if (available.lt(wanted)) {
    const { name } = await productInfo(tx, productId);
    throw new AppError(
      "INSUFFICIENT_STOCK",
      `Stock insuficiente de «${name}» en el depósito de origen: se pidieron ${formatQty(wanted)} y hay ${formatQty(available)}.`,
      { productId, productName: name, requested: wanted.toFixed(3), available: available.toFixed(3) },
    );
  }
  const picks: { lot: (typeof lots)[number]; quantity: Decimal }[] = [];
  let remaining = wanted;
  for (const lot of lots) {
    if (remaining.lte(0)) break;
    const q = Decimal.min(remaining, lot.quantity);
    picks.push({ lot, quantity: q });
    remaining = remaining.minus(q);
  }

  // Destination lots that already carry the same original lot (goods going back and forth).
  const roots = [...new Set(picks.map((p) => p.lot.rootId))];
  const existing = await tx.execute<{ id: string; root_id: string }>(sql`
    select distinct on (coalesce(origin_lot_id, id)) id, coalesce(origin_lot_id, id) as root_id
    from lots
    where tenant_id = ${TENANT} and product_id = ${productId} and warehouse_id = ${to} and not is_deficit
      and coalesce(origin_lot_id, id) in (${sql.join(roots.map((r) => sql`${r}::uuid`), sql`, `)})
    order by coalesce(origin_lot_id, id), created_at`);
  const destByRoot = new Map(existing.map((r) => [r.root_id, r.id]));

  const operationId = randomUUID();
  const deltas: { lotId: string; delta: Decimal }[] = [];
  const newLots: NewLot[] = [];
  const movements: MovementRow[] = [];
  const lines: TransferStockResult["lines"] = [];
  let srcStock = src.quantity;
  let dstStock = dst.quantity;
  const extra = { reference: input.reference ?? null, sourceType: input.sourceType ?? null, sourceId: input.sourceId ?? null };
  for (const { lot, quantity } of picks) {
    deltas.push({ lotId: lot.id, delta: quantity.neg() });
    let toLotId = destByRoot.get(lot.rootId);
    if (!toLotId) {
      toLotId = randomUUID();
      destByRoot.set(lot.rootId, toLotId);
      newLots.push({
        id: toLotId,
        productId,
        warehouseId: to,
        lotNumber: lot.lotNumber,
        initialQuantity: quantity,
        quantity,
        unitCost: lot.unitCost,
        receivedAt: lot.receivedAt + "Z",
        expiresAt: lot.expiresAt,
        originLotId: lot.rootId,
      });
    } else {
      // A lot created by this same transfer is inserted with its final quantity (the write
      // statement cannot update a row it inserts); an existing one gets a delta.
      const pending = newLots.find((n) => n.id === toLotId);
      if (pending) {
        pending.initialQuantity = pending.initialQuantity.plus(quantity);
        pending.quantity = pending.quantity.plus(quantity);
      } else deltas.push({ lotId: toLotId, delta: quantity });
    }
    movements.push({
      id: randomUUID(),
      type: "TRANSFER",
      productId,
      warehouseId: from,
      lotId: lot.id,
      quantity: quantity.neg(),
      unitCost: lot.unitCost,
      stockBefore: srcStock,
      stockAfter: (srcStock = srcStock.minus(quantity)),
      counterpartWarehouseId: to,
      destinationType: "INTERNAL",
      ...extra,
    });
    movements.push({
      id: randomUUID(),
      type: "TRANSFER",
      productId,
      warehouseId: to,
      lotId: toLotId,
      quantity,
      unitCost: lot.unitCost,
      stockBefore: dstStock,
      stockAfter: (dstStock = dstStock.plus(quantity)),
      counterpartWarehouseId: from,
      destinationType: "INTERNAL",
      ...extra,
    });
    lines.push({ fromLotId: lot.id, toLotId, quantity: quantity.toFixed(3), unitCost: lot.unitCost });
  }
  await flush(tx, operationId, actor, {
    newLots,
    lotDeltas: deltas,
    movements,
    levelDeltas: [
      { productId, warehouseId: from, delta: wanted.neg() },
      { productId, warehouseId: to, delta: wanted },
    ],
  });
  return { operationId, lines };
}

