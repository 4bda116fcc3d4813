import "server-only";
import { z } from "zod";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { registers } from "../db/schema/registers";
import { AppError, isUniqueViolation } from "../errors/app-error";

export const ZSaveRegisterInput = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(2, "Ingresá un nombre").max(60),
  warehouseId: z.uuid("Elegí un depósito"),
  afipPointOfSale: z.number().int().min(1, "Punto de venta AFIP entre 1 y 99998").max(99998, "Punto de venta AFIP entre 1 y 99998"),
  fiscalEnabled: z.boolean(),
  active: z.boolean().default(true),
});
export type TSaveRegisterInput = z.input<typeof ZSaveRegisterInput>;

export const ZSaveRegisterResponse = z.object({
  name: z.string(),
  id: z.uuid(),
  createdAt: z.date(),
  tenantId: z.uuid(),
  active: z.boolean(),
  warehouseId: z.uuid(),
  afipPointOfSale: z.number(),
  fiscalEnabled: z.boolean(),
  autoPrint: z.boolean(),
});
export type TSaveRegisterResponse = z.infer<typeof ZSaveRegisterResponse>;

/** Creates or edits a register: the warehouse it sells from and its AFIP point of sale. */
export async function saveRegister(tx: Tx, raw: TSaveRegisterInput) {
  const input = ZSaveRegisterInput.parse(raw);
  const [wh] = await tx.execute(sql`select 1 from warehouses where id = ${input.warehouseId} and active`);
  if (!wh) throw new AppError("VALIDATION", "El depósito elegido no existe o está desactivado.", { field: "warehouseId" });
  const values = {
    name: input.name,
    warehouseId: input.warehouseId,
    afipPointOfSale: input.afipPointOfSale,
    fiscalEnabled: input.fiscalEnabled,
    active: input.active,
  };
  try {
    if (input.id) {
      if (!input.active) {
        const [open] = await tx.execute(sql`select 1 from cash_sessions where register_id = ${input.id} and status = 'OPEN'`);
        if (open) throw new AppError("INVALID_STATE", "No se puede desactivar una caja con una sesión abierta.");
      }
      const [row] = await tx.update(registers).set(values).where(eq(registers.id, input.id)).returning();
      if (!row) throw new AppError("NOT_FOUND", "La caja no existe.");
      return row;
    }
    const [row] = await tx.insert(registers).values(values).returning();
    return row!;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Ya existe una caja con ese nombre.", { field: "name" });
    throw e;
  }
}

export const ZListRegistersResponse = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    warehouseId: z.uuid(),
    warehouseName: z.string(),
    afipPointOfSale: z.number().int(),
    fiscalEnabled: z.boolean(),
    active: z.boolean(),
  }),
);
export type TListRegistersResponse = z.infer<typeof ZListRegistersResponse>;

export async function listRegisters(tx: Tx): Promise<TListRegistersResponse> {
  const rows = await tx.execute<TListRegistersResponse[number]>(sql`
    select r.id, r.name, r.warehouse_id as "warehouseId", w.name as "warehouseName", r.afip_point_of_sale as "afipPointOfSale",
           r.fiscal_enabled as "fiscalEnabled", r.active
    from registers r join warehouses w on w.tenant_id = r.tenant_id and w.id = r.warehouse_id
    order by r.name`);
  return [...rows];
}

export const ZSellingWarehousesResponse = z.array(z.object({ id: z.uuid(), name: z.string() }));

/** Active warehouses a register may sell from. */
export async function listSellingWarehouses(tx: Tx) {
  const rows = await tx.execute<{ id: string; name: string }>(sql`select id, name from warehouses where active order by is_default desc, name`);
  return [...rows];
}
