import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";
import { zQuantity } from "@/lib/schemas/decimal";

export const ZUpdatePackInput = z.object({
  id: z.uuid("Identificador inválido"),
  unitsPerParent: zQuantity("Unidades por pack", { positive: "Debe ser mayor que cero" }),
  autoUnpack: z.boolean(),
});
export type TUpdatePackInput = z.input<typeof ZUpdatePackInput>;
export const ZRemovePackInput = z.object({ id: z.uuid("Identificador inválido") });
export const ZPackIdResponse = z.object({ id: z.uuid() });

/** Changes how many units a pack holds and whether selling the unit short opens packs by itself. */
export async function updatePack(tx: Tx, raw: TUpdatePackInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZUpdatePackInput.parse(raw);
  const rows = await tx.execute<{ id: string }>(sql`
    update packs set units_per_parent = ${v.unitsPerParent}, auto_unpack = ${v.autoUnpack}
    where tenant_id = ${TENANT} and id = ${v.id} returning id`);
  if (rows.length === 0) throw new AppError("NOT_FOUND", "El pack no existe.", { field: "id" });
  return { id: rows[0]!.id };
}

/**
 * Removes the pack rule (the products and their stock stay; past unpackings keep their
 * movements, which name the products, not the rule).
 */
export async function removePack(tx: Tx, raw: z.input<typeof ZRemovePackInput>, _actor: Actor): Promise<{ id: string }> {
  const v = ZRemovePackInput.parse(raw);
  const rows = await tx.execute<{ id: string }>(sql`delete from packs where tenant_id = ${TENANT} and id = ${v.id} returning id`);
  if (rows.length === 0) throw new AppError("NOT_FOUND", "El pack no existe.", { field: "id" });
  return { id: rows[0]!.id };
}
