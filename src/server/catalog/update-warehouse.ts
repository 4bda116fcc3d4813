import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";

export const ZRenameWarehouseInput = z.object({
  id: z.uuid("Identificador inválido"),
  name: z.string().trim().min(2, "Ingresá el nombre").max(80, "Máximo 80 caracteres"),
});
export type TRenameWarehouseInput = z.input<typeof ZRenameWarehouseInput>;
export const ZWarehouseIdResponse = z.object({ id: z.uuid() });

export async function renameWarehouse(tx: Tx, raw: TRenameWarehouseInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZRenameWarehouseInput.parse(raw);
  try {
    const rows = await tx.execute<{ id: string }>(sql`
      update warehouses set name = ${v.name} where tenant_id = ${TENANT} and id = ${v.id} returning id`);
    if (rows.length === 0) throw new AppError("NOT_FOUND", "El depósito no existe.", { field: "id" });
    return { id: rows[0]!.id };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Ya existe un depósito con ese nombre.", { field: "name" });
    throw e;
  }
}
