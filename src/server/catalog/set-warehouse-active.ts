import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";

export const ZSetWarehouseActiveInput = z.object({ warehouseId: z.uuid("Identificador inválido"), active: z.boolean() });
export type TSetWarehouseActiveInput = z.input<typeof ZSetWarehouseActiveInput>;

export const ZSetWarehouseActiveResponse = z.object({ active: z.boolean() });
export type TSetWarehouseActiveResponse = z.infer<typeof ZSetWarehouseActiveResponse>;

/**
 * Deactivates an empty warehouse (or reactivates one). Refused for the main warehouse, one
 * with stock, a register selling from it or a count in progress.
 *
 * Receipts read the warehouse row FOR SHARE and refuse an inactive one. Taking the row FOR
 * UPDATE first waits for receipts in flight; the conditional UPDATE that follows is a new
 * statement, so it sees their lots, and its WHERE is the rule itself: the row changes only
 * when it is empty at that moment (no check-then-act). The reason is looked up only after a
 * refusal, to word the message.
 */
export async function setWarehouseActive(tx: Tx, raw: TSetWarehouseActiveInput, _actor: Actor): Promise<{ active: boolean }> {
  const v = ZSetWarehouseActiveInput.parse(raw);
  const [w] = await tx.execute<{ name: string }>(sql`
    select name from warehouses where tenant_id = ${TENANT} and id = ${v.warehouseId} for update`);
  if (!w) throw new AppError("NOT_FOUND", "El depósito no existe.", { field: "warehouseId" });
  if (v.active) {
    await tx.execute(sql`update warehouses set active = true where tenant_id = ${TENANT} and id = ${v.warehouseId}`);
    return { active: true };
  }
  const done = await tx.execute<{ id: string }>(sql`
    update warehouses w set active = false
    where w.tenant_id = ${TENANT} and w.id = ${v.warehouseId} and not w.is_default
      and not exists (select 1 from lots l where l.tenant_id = w.tenant_id and l.warehouse_id = w.id and l.quantity <> 0)
      and not exists (select 1 from registers r where r.tenant_id = w.tenant_id and r.warehouse_id = w.id and r.active)
      and not exists (select 1 from counts c where c.tenant_id = w.tenant_id and c.warehouse_id = w.id and c.status in ('OPEN', 'COUNTING', 'REVIEW'))
    returning w.id`);
  if (done.length > 0) return { active: false };
  const [why] = await tx.execute<{ is_default: boolean; stock: boolean; registers: boolean }>(sql`
    select w.is_default,
           exists (select 1 from lots where tenant_id = ${TENANT} and warehouse_id = w.id and quantity <> 0) as stock,
           exists (select 1 from registers where tenant_id = ${TENANT} and warehouse_id = w.id and active) as registers
    from warehouses w where w.tenant_id = ${TENANT} and w.id = ${v.warehouseId}`);
  if (why?.is_default) throw new AppError("INVALID_STATE", "El depósito principal no se puede desactivar: elegí otro como principal primero.", { field: "warehouseId" });
  if (why?.stock) throw new AppError("INVALID_STATE", `«${w.name}» todavía tiene stock: transferilo o ajustalo antes de desactivarlo.`, { field: "warehouseId" });
  if (why?.registers) throw new AppError("INVALID_STATE", `Una caja vende desde «${w.name}»: cambiala de depósito primero.`, { field: "warehouseId" });
  throw new AppError("INVALID_STATE", `Hay un conteo en curso en «${w.name}».`, { field: "warehouseId" });
}
