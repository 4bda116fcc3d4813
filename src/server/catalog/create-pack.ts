import "server-only";
import { z } from "zod";
import { zQuantity } from "@/lib/schemas/decimal";
import type { Tx } from "../db/client";
import { packs } from "../db/schema/inventory";
import { AppError, isUniqueViolation } from "../errors/app-error";
import type { Actor } from "../inventory/ledger";

export const ZPackInput = z
  .object({
    parentProductId: z.string().uuid("Elegí el pack"),
    childProductId: z.string().uuid("Elegí la unidad"),
    unitsPerParent: zQuantity("Unidades por pack", { positive: "Debe ser mayor que cero" }),
  })
  .refine((v) => v.parentProductId !== v.childProductId, { path: ["childProductId"], message: "El pack y la unidad deben ser productos distintos" });
export type TPackInput = z.input<typeof ZPackInput>;

/** Declares that one parent product contains `unitsPerParent` of a child (auto-unpacked when selling the child). */
export async function createPack(tx: Tx, raw: TPackInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZPackInput.parse(raw);
  try {
    const [row] = await tx
      .insert(packs)
      .values({ ...v })
      .returning({ id: packs.id });
    return { id: row!.id };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Esa unidad ya pertenece a otro pack.", { field: "childProductId" });
    throw e;
  }
}
