import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { suppliers } from "../db/schema/purchasing";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { TENANT, type Actor } from "./common";
import { ZSupplierInput, type TSupplierInput } from "./supplier-input";

const cuitTaken = (e: unknown): never => {
  if (isUniqueViolation(e, "suppliers_cuit_key")) throw new AppError("CONFLICT", "Ya existe un proveedor con ese CUIT.", { field: "cuit" });
  throw e;
};

export async function createSupplier(tx: Tx, raw: TSupplierInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZSupplierInput.parse(raw);
  try {
    const [row] = await tx.insert(suppliers).values({ ...v }).returning({ id: suppliers.id });
    return { id: row!.id };
  } catch (e) {
    return cuitTaken(e);
  }
}

export async function updateSupplier(tx: Tx, id: string, raw: TSupplierInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZSupplierInput.parse(raw);
  try {
    const rows = await tx
      .update(suppliers)
      .set(v)
      .where(and(eq(suppliers.tenantId, TENANT), eq(suppliers.id, id)))
      .returning({ id: suppliers.id });
    if (!rows[0]) throw new AppError("NOT_FOUND", "El proveedor no existe.", { supplierId: id });
    return { id };
  } catch (e) {
    return cuitTaken(e);
  }
}

/** Deletes a supplier that has no orders, receipts or payables; otherwise say to deactivate it. */
export async function deleteSupplier(tx: Tx, id: string, _actor: Actor): Promise<{ id: string }> {
  const [refs] = await tx.execute<{ n: number }>(sql`
    select (select count(*) from purchase_orders where supplier_id = ${id}) + (select count(*) from goods_receipts where supplier_id = ${id})
         + (select count(*) from payables where supplier_id = ${id}) as n`);
  if (Number(refs!.n) > 0)
    throw new AppError("CONFLICT", "El proveedor tiene órdenes o cuentas registradas: desactivalo en lugar de eliminarlo.", { supplierId: id });
  // Replenishment suggestions only remember it as a choice.
  await tx.execute(sql`update replenishment_suggestions set supplier_id = null where supplier_id = ${id}`);
  const rows = await tx.delete(suppliers).where(and(eq(suppliers.tenantId, TENANT), eq(suppliers.id, id))).returning({ id: suppliers.id });
  if (!rows[0]) throw new AppError("NOT_FOUND", "El proveedor no existe.", { supplierId: id });
  return { id };
}
