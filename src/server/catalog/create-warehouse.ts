import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { warehouses } from "../db/schema/warehouses";
import { AppError, isUniqueViolation } from "../errors/app-error";
import type { Actor } from "../inventory/ledger";

export const ZWarehouseInput = z.object({ name: z.string().trim().min(2, "Ingresá el nombre").max(80) });
export type TWarehouseInput = z.input<typeof ZWarehouseInput>;

export async function createWarehouse(tx: Tx, raw: TWarehouseInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZWarehouseInput.parse(raw);
  try {
    const [row] = await tx.insert(warehouses).values({ name: v.name }).returning({ id: warehouses.id });
    return { id: row!.id };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Ya existe un depósito con ese nombre.", { field: "name" });
    throw e;
  }
}
