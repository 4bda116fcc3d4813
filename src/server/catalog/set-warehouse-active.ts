import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";

export const ZSetWarehouseActiveInput = z.object({ warehouseId: z.uuid("Identificador inválido"), active: z.boolean() });
export type TSetWarehouseActiveInput = z.input<typeof ZSetWarehouseActiveInput>;

/**
 * Deactivates an empty warehouse (or reactivates one). Refused for the main warehouse, one
 * with stock, a register selling from it or a count in progress. Receipts read the row FOR
 * SHARE, so one in flight finishes first and none lands after.
 */
export async function setWarehouseActive(tx: Tx, raw: TSetWarehouseActiveInput, _actor: Actor): Promise<{ active: boolean }> {
  const v = ZSetWarehouseActiveInput.parse(raw);
  const [w] = await tx.execute<{ name: string; is_default: boolean }>(sql`
    select name, is_default from warehouses where tenant_id = ${TENANT} and id = ${v.warehouseId} for update`);
  if (!w) throw new AppError("NOT_FOUND", "El depósito no existe.", { field: "warehouseId" });
  if (!v.active) {
    if (w.is_default) throw new AppError("INVALID_STATE", "El depósito principal no se puede desactivar.", { field: "warehouseId" });
    const [use] = await tx.execute<{ stock: boolean; registers: boolean; counts: boolean }>(sql`
      select exists (select 1 from lots where tenant_id = ${TENANT} and warehouse_id = ${v.warehouseId} and quantity <> 0) as stock,
             exists (select 1 from registers where tenant_id = ${TENANT} and warehouse_id = ${v.warehouseId} and active) as registers,
             exists (select 1 from counts where tenant_id = ${TENANT} and warehouse_id = ${v.warehouseId} and status in ('OPEN', 'COUNTING', 'REVIEW')) as counts`);
    if (use!.stock) throw new AppError("INVALID_STATE", `«${w.name}» todavía tiene stock: transferilo o ajustalo antes de desactivarlo.`, { field: "warehouseId" });
    if (use!.registers) throw new AppError("INVALID_STATE", `Una caja vende desde «${w.name}»: cambiala de depósito primero.`, { field: "warehouseId" });
    if (use!.counts) throw new AppError("INVALID_STATE", `Hay un conteo en curso en «${w.name}».`, { field: "warehouseId" });
  }
  await tx.execute(sql`update warehouses set active = ${v.active} where tenant_id = ${TENANT} and id = ${v.warehouseId}`);
  return { active: v.active };
}
