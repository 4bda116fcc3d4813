import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";
import { zQuantity } from "@/lib/schemas/decimal";

export const ZUpdateFamilyInput = z.object({
  id: z.uuid("Identificador inválido"),
  name: z.string().trim().min(2, "Ingresá el nombre").max(80, "Máximo 80 caracteres"),
  baseUnit: z.enum(["g", "ml", "unit"], "Elegí la unidad base"),
  targetStock: zQuantity("Objetivo", { emptyAsZero: true }).default("0"),
  active: z.boolean(),
});
export type TUpdateFamilyInput = z.input<typeof ZUpdateFamilyInput>;
export const ZUpdateFamilyResponse = z.object({ id: z.uuid() });

/** Edits a family's name, base unit and target (in base units), or (de)activates it. */
export async function updateFamily(tx: Tx, raw: TUpdateFamilyInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZUpdateFamilyInput.parse(raw);
  try {
    const rows = await tx.execute<{ id: string }>(sql`
      update product_families set name = ${v.name}, base_unit = ${v.baseUnit}, target_stock = ${v.targetStock}, active = ${v.active}
      where tenant_id = ${TENANT} and id = ${v.id} returning id`);
    if (rows.length === 0) throw new AppError("NOT_FOUND", "La familia no existe.", { field: "id" });
    return { id: rows[0]!.id };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Ya existe una familia con ese nombre.", { field: "name" });
    throw e;
  }
}
