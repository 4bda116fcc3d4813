import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { dec, Decimal, ZERO } from "@/lib/decimal";
import {
  flush,
  lastUnitCost,
  deficitLot,
  lockLevel,
  TENANT,
  ZId,
  ZQuantity,
  type Actor,
  type MovementRow,
  type NewLot,
} from "./ledger";

export const ZReturnStockInput = z.object({
  productId: ZId,
  warehouseId: ZId,
  /** The lots the goods left from (a sale's exit lines); omitted → valued at the last known cost. */
  lots: z.array(z.object({ lotId: ZId, quantity: ZQuantity })).optional(),
  quantity: ZQuantity,
  sourceType: z.string().trim().max(40),
  sourceId: z.string().trim().max(80),
  reference: z.string().trim().max(120).optional(),
});
export type TReturnStockInput = z.input<typeof ZReturnStockInput>;

export type ReturnStockResult = {
  operationId: string;
  lines: { lotId: string; quantity: string; unitCost: string }[];
  costTotal: string;
};

/**
 * Puts goods back (a voided sale, a cancelled consumption) as RETURN movements. With the
 * original lots, each goes back to its lot (same cost and expiry; a lot of another
 * warehouse is recreated here with its identity). A quantity without lots first fills an
 * oversold hole of this pair, then becomes a lot at the product's last known cost.
 */
// eslint-disable-next-line max-lines-per-function -- one return's steps in order (lock the sale line, check, move stock, record), each commented
export async function returnStock(tx: Tx, rawInput: TReturnStockInput, actor: Actor): Promise<ReturnStockResult> {
  const input = ZReturnStockInput.parse(rawInput);
  const { productId, warehouseId } = input;
  const total = dec(input.quantity);
  const given = (input.lots ?? []).reduce((a, l) => a.plus(l.quantity), ZERO);
  if (given.gt(total)) {
    throw new AppError("VALIDATION", "La suma de los lotes supera la cantidad a devolver.", { quantity: input.quantity });
  }
  const level = await lockLevel(tx, productId, warehouseId);
  if (level.isService) return { operationId: randomUUID(), lines: [], costTotal: "0.0000" };
  const deficit = await deficitLot(tx, productId, warehouseId);

  const lotIds = [...new Set((input.lots ?? []).map((l) => l.lotId))];
  const known = lotIds.length
    ? await tx.execute<{
        id: string;
        warehouse_id: string;
        unit_cost: string;
        lot_number: string | null;
        expires_at: string | null;
        received_at: string;
        root_id: string;
        is_deficit: boolean;
      }>(sql`
        select id, warehouse_id, unit_cost, lot_number, expires_at::text as expires_at, received_at::text as received_at,
               coalesce(origin_lot_id, id) as root_id, is_deficit
        from lots
        where tenant_id = ${TENANT} and product_id = ${productId} and id in (${sql.join(lotIds.map((id) => sql`${id}::uuid`), sql`, `)})`)
    : [];
  const byId = new Map(known.map((l) => [l.id, l]));

  const operationId = randomUUID();
  const deltas: { lotId: string; delta: Decimal }[] = [];
  const newLots: NewLot[] = [];
  const movements: MovementRow[] = [];
  const lines: ReturnStockResult["lines"] = [];
  let stock = level.quantity;
  const push = (lotId: string, q: Decimal, unitCost: string) => {
    movements.push({
      id: randomUUID(),
      type: "RETURN",
      productId,
      warehouseId,
      lotId,
      quantity: q,
      unitCost,
      stockBefore: stock,
      stockAfter: (stock = stock.plus(q)),
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      reference: input.reference ?? null,
    });
    lines.push({ lotId, quantity: q.toFixed(3), unitCost });
  };

  // A deficit lot (oversold) is a hole to fill, not a lot to return to: handled below.
  let unassigned = total.minus(given);
  for (const l of input.lots ?? []) {
    const lot = byId.get(l.lotId);
    if (!lot) throw new AppError("NOT_FOUND", "El lote indicado no existe para este producto.", { lotId: l.lotId });
    const q = dec(l.quantity);
    if (lot.is_deficit) {
      unassigned = unassigned.plus(q);
      continue;
    }
    if (lot.warehouse_id === warehouseId) {
      deltas.push({ lotId: lot.id, delta: q });
      push(lot.id, q, lot.unit_cost);
    } else {
      const id = randomUUID();
      newLots.push({
        id,
        productId,
        warehouseId,
        lotNumber: lot.lot_number,
        initialQuantity: q,
        quantity: q,
        unitCost: lot.unit_cost,
        receivedAt: lot.received_at,
        expiresAt: lot.expires_at,
        originLotId: lot.root_id,
      });
      push(id, q, lot.unit_cost);
    }
  }
  if (unassigned.gt(0)) {
    const cost = await lastUnitCost(tx, productId);
    const fill = deficit.id && deficit.quantity.lt(0) ? Decimal.min(unassigned, deficit.quantity.neg()) : ZERO;
    if (fill.gt(0)) {
      deltas.push({ lotId: deficit.id!, delta: fill });
      push(deficit.id!, fill, cost);
    }
    const rest = unassigned.minus(fill);
    if (rest.gt(0)) {
      const id = randomUUID();
      newLots.push({
        id,
        productId,
        warehouseId,
        lotNumber: null,
        initialQuantity: rest,
        quantity: rest,
        unitCost: cost,
        receivedAt: null,
        expiresAt: null,
        originLotId: null,
      });
      push(id, rest, cost);
    }
  }
  await flush(tx, operationId, actor, { newLots, lotDeltas: deltas, movements, levelDeltas: [{ productId, warehouseId, delta: total }] });
  const costTotal = lines.reduce((a, l) => a.plus(dec(l.quantity).times(l.unitCost)), ZERO).toFixed(4);
  return { operationId, lines, costTotal };
}
