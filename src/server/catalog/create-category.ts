import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { categories } from "../db/schema/inventory";
import { AppError, isUniqueViolation } from "../errors/app-error";
import type { Actor } from "../inventory/ledger";

export const ZCategoryInput = z.object({
  name: z.string().trim().min(2, "Ingresá el nombre").max(80),
  parentId: z.string().uuid().optional().nullable(),
});
export type TCategoryInput = z.input<typeof ZCategoryInput>;

export async function createCategory(tx: Tx, raw: TCategoryInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZCategoryInput.parse(raw);
  try {
    const [row] = await tx
      .insert(categories)
      .values({ name: v.name, parentId: v.parentId ?? null })
      .returning({ id: categories.id });
    return { id: row!.id };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Ya existe una categoría con ese nombre en ese nivel.", { field: "name" });
    throw e;
  }
}
