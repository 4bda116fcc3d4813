import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { exitStock, type ExitStockResult } from "./exit-stock";
import { ZId, ZQuantity, type Actor } from "./ledger";

export const ZConsumeStockInput = z
  .object({
    productId: ZId,
    warehouseId: ZId,
    quantity: ZQuantity,
    destinationType: z.enum(["KITCHEN", "ROOM", "INTERNAL"]),
    /** Where it went: a room ("HAB-502"), a kitchen order, an area. */
    reference: z.string().trim().max(120).optional(),
  })
  .refine((v) => v.destinationType !== "ROOM" || (v.reference ?? "").length > 0, {
    message: "Indicá la habitación (por ejemplo HAB-502)",
    path: ["reference"],
  });
export type TConsumeStockInput = z.input<typeof ZConsumeStockInput>;

/** Internal consumption (kitchen, a room's minibar, housekeeping): a CONSUME exit valued at lot cost. */
export async function consumeStock(tx: Tx, rawInput: TConsumeStockInput, actor: Actor): Promise<ExitStockResult> {
  const input = ZConsumeStockInput.parse(rawInput);
  return exitStock(
    tx,
    {
      productId: input.productId,
      warehouseId: input.warehouseId,
      quantity: input.quantity,
      movementType: "CONSUME",
      destinationType: input.destinationType,
      reference: input.reference,
      sourceType: "CONSUMPTION",
    },
    actor,
  );
}
