import "server-only";
import { and, eq } from "drizzle-orm";
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
    const [row] = await tx.insert(suppliers).values({ tenantId: TENANT, ...v }).returning({ id: suppliers.id });
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
