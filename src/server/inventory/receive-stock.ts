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
  deficitLot,
  lockLevel,
  TENANT,
  ZId,
  ZQuantity,
  ZUnitCost,
  type Actor,
  type MovementRow,
  type NewLot,
} from "./ledger";

export const ZReceiveStockInput = z.object({
  productId: ZId,
  warehouseId: ZId,
  quantity: ZQuantity,
  unitCost: ZUnitCost,
  lotNumber: z.string().trim().max(60).optional().nullable(),
  /** Expiry date, YYYY-MM-DD. */
  expiresAt: z.iso.date("Fecha de vencimiento inválida").optional().nullable(),
  receivedAt: z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
  movementType: z.enum(["IN", "RETURN"]).optional(),
  sourceType: z.string().trim().max(40).optional(),
  sourceId: z.string().trim().max(80).optional(),
  reference: z.string().trim().max(120).optional(),
});
export type TReceiveStockInput = z.input<typeof ZReceiveStockInput>;

export const ZReceiveStockResponse = z.object({ lotId: z.uuid(), movementId: z.uuid(), warning: z.string().optional() });
export type TReceiveStockResponse = z.infer<typeof ZReceiveStockResponse>;

/**
 * Puts stock into a warehouse as a new lot with its real unit cost (opening stock, manual
 * IN, purchase receipt, return). If earlier exits oversold this pair (a negative deficit
 * lot), the receipt first fills that hole, then the rest becomes the new lot.
 */
export async function receiveStock(
  tx: Tx,
  rawInput: TReceiveStockInput,
  actor: Actor,
): Promise<{ lotId: string; movementId: string; warning?: string }> {
  const input = ZReceiveStockInput.parse(rawInput);
  const [product] = await tx.execute<{ name: string; is_service: boolean; track_batches: boolean; has_expiry: boolean; stock_max: string }>(sql`
    select name, is_service, track_batches, has_expiry, stock_max from products where tenant_id = ${TENANT} and id = ${input.productId}`);
  if (!product) throw new AppError("NOT_FOUND", "El producto no existe.", { productId: input.productId });
  if (product.is_service) {
    throw new AppError("VALIDATION", `«${product.name}» es un servicio y no lleva stock.`, { productId: input.productId });
  }
  // trackBatches means it: goods coming in (not returns to an existing lot) carry their lot number.
  if (product.track_batches && (input.movementType ?? "IN") === "IN" && !input.lotNumber?.trim()) {
    throw new AppError("VALIDATION", `«${product.name}» se controla por lote: indicá el número de lote.`, { productId: input.productId, field: "lotNumber" });
  }
  // "Tiene vencimiento" means every lot that comes in has a date: the manual dialog, purchase
  // receipts and any future import all pass here, so the rule is the same for each of them.
  if (product.has_expiry && (input.movementType ?? "IN") === "IN" && !input.expiresAt) {
    throw new AppError("VALIDATION", `«${product.name}» tiene vencimiento: indicá la fecha de vencimiento del lote.`, { productId: input.productId, field: "expiresAt" });
  }
  // FOR SHARE: a deactivation waits for this receipt, and none lands after it.
  const [wh] = await tx.execute<{ active: boolean; name: string }>(sql`
    select active, name from warehouses where tenant_id = ${TENANT} and id = ${input.warehouseId} for share`);
  if (wh && !wh.active) throw new AppError("INVALID_STATE", `El depósito «${wh.name}» está desactivado.`, { field: "warehouseId" });
  const level = await lockLevel(tx, input.productId, input.warehouseId);
  const deficit = await deficitLot(tx, input.productId, input.warehouseId);
  const r = await addStock(tx, input, { quantity: level.quantity, deficit: deficit.quantity, deficitLotId: deficit.id }, actor, randomUUID());
  // stockMax is a ceiling people set on purpose: a receipt above it goes through, with a warning.
  if (dec(product.stock_max).gt(0)) {
    const [total] = await tx.execute<{ q: string }>(sql`
      select coalesce(sum(quantity), 0) as q from stock_levels where tenant_id = ${TENANT} and product_id = ${input.productId}`);
    if (dec(total!.q).gt(product.stock_max)) {
      return { ...r, warning: `«${product.name}» quedó con ${formatQty(total!.q)}, por encima de su stock máximo (${formatQty(product.stock_max)}).` };
    }
  }
  return r;
}

/** The write half of a receipt, for callers that already hold the pair's lock. */
export async function addStock(
  tx: Tx,
  input: z.output<typeof ZReceiveStockInput>,
  level: { quantity: Decimal; deficit: Decimal; deficitLotId: string | null },
  actor: Actor,
  operationId: string,
): Promise<{ lotId: string; movementId: string }> {
  const type = input.movementType ?? "IN";
  const qty = dec(input.quantity);
  const extra = { reference: input.reference ?? null, sourceType: input.sourceType ?? null, sourceId: input.sourceId ?? null };
  const movements: MovementRow[] = [];
  const lotDeltas: { lotId: string; delta: Decimal }[] = [];
  const newLots: NewLot[] = [];
  let stock = level.quantity;

  const fill = level.deficitLotId && level.deficit.lt(0) ? Decimal.min(qty, level.deficit.neg()) : dec(0);
  let result: { lotId: string; movementId: string } | null = null;
  if (fill.gt(0)) {
    const id = randomUUID();
    movements.push({
      id,
      type,
      productId: input.productId,
      warehouseId: input.warehouseId,
      lotId: level.deficitLotId,
      quantity: fill,
      unitCost: dec(input.unitCost).toFixed(4),
      stockBefore: stock,
      stockAfter: stock.plus(fill),
      ...extra,
    });
    stock = stock.plus(fill);
    lotDeltas.push({ lotId: level.deficitLotId!, delta: fill });
    result = { lotId: level.deficitLotId!, movementId: id };
  }
  const rest = qty.minus(fill);
  if (rest.gt(0)) {
    const lotId = randomUUID();
    const movementId = randomUUID();
    newLots.push({
        id: lotId,
        productId: input.productId,
        warehouseId: input.warehouseId,
        lotNumber: input.lotNumber ?? null,
        initialQuantity: rest,
        quantity: rest,
        unitCost: dec(input.unitCost).toFixed(4),
        receivedAt: input.receivedAt ? new Date(input.receivedAt).toISOString() : null,
        expiresAt: input.expiresAt ?? null,
        originLotId: null,
    });
    movements.push({
      id: movementId,
      type,
      productId: input.productId,
      warehouseId: input.warehouseId,
      lotId,
      quantity: rest,
      unitCost: dec(input.unitCost).toFixed(4),
      stockBefore: stock,
      stockAfter: stock.plus(rest),
      ...extra,
    });
    stock = stock.plus(rest);
    result = { lotId, movementId };
  }
  await flush(tx, operationId, actor, { newLots, lotDeltas, movements, levelDeltas: [{ productId: input.productId, warehouseId: input.warehouseId, delta: qty }] });
  return result!;
}
