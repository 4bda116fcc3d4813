import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { productFamilies } from "../db/schema/inventory";
import { AppError, isUniqueViolation } from "../errors/app-error";
import type { Actor } from "../inventory/ledger";
import { zQuantity } from "@/lib/schemas/decimal";

export const ZFamilyInput = z.object({
  name: z.string().trim().min(2, "Ingresá el nombre").max(80),
  baseUnit: z.enum(["g", "ml", "unit"]),
  targetStock: zQuantity("Objetivo", { emptyAsZero: true }).default("0"),
});
export type TFamilyInput = z.input<typeof ZFamilyInput>;

export async function createFamily(tx: Tx, raw: TFamilyInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZFamilyInput.parse(raw);
  try {
    const [row] = await tx
      .insert(productFamilies)
      .values({ name: v.name, baseUnit: v.baseUnit, targetStock: v.targetStock })
      .returning({ id: productFamilies.id });
    return { id: row!.id };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Ya existe una familia con ese nombre.", { field: "name" });
    throw e;
  }
}
