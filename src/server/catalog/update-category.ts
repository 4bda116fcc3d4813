import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError, appErrorFromDatabase, isUniqueViolation } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";

export const ZUpdateCategoryInput = z.object({
  id: z.uuid("Identificador inválido"),
  name: z.string().trim().min(2, "Ingresá el nombre").max(80, "Máximo 80 caracteres"),
  parentId: z.uuid("Elegí una categoría válida").nullable(),
  active: z.boolean(),
});
export type TUpdateCategoryInput = z.input<typeof ZUpdateCategoryInput>;
export const ZUpdateCategoryResponse = z.object({ id: z.uuid() });

/** The pg error's constraint name, looked up through the cause chain drizzle wraps it in. */
function constraintOf(e: unknown, depth = 0): string | undefined {
  const err = e as { constraint_name?: string; cause?: unknown } | null;
  if (!err || depth > 5) return undefined;
  return err.constraint_name ?? constraintOf(err.cause, depth + 1);
}

/**
 * Renames, moves or (de)activates a category. Moving it under itself or one of its own
 * subcategories is refused by the database trigger `categories_no_cycle` (125_catalog.sql),
 * which also serialises concurrent moves, so no path can build a loop.
 */
export async function updateCategory(tx: Tx, raw: TUpdateCategoryInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZUpdateCategoryInput.parse(raw);
  if (v.parentId === v.id) throw new AppError("VALIDATION", "Una categoría no puede estar dentro de sí misma.", { field: "parentId" });
  try {
    const rows = await tx.execute<{ id: string }>(sql`
      update categories set name = ${v.name}, parent_id = ${v.parentId}, active = ${v.active}
      where tenant_id = ${TENANT} and id = ${v.id} returning id`);
    if (rows.length === 0) throw new AppError("NOT_FOUND", "La categoría no existe.", { field: "id" });
    return { id: rows[0]!.id };
  } catch (e) {
    if (constraintOf(e) === "categories_no_cycle")
      throw new AppError("VALIDATION", "No se puede mover una categoría dentro de una de sus propias subcategorías.", { field: "parentId" });
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Ya existe una categoría con ese nombre en ese nivel.", { field: "name" });
    const mapped = appErrorFromDatabase(e);
    if (mapped?.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "La categoría elegida como superior no existe.", { field: "parentId" });
    throw mapped ?? e;
  }
}
