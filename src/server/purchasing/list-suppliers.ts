import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";

export const ZSupplierResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  cuit: z.string(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  paymentTermsDays: z.number().int(),
  notes: z.string().nullable(),
  active: z.boolean(),
  /** Σ open payables, canonical decimal text. */
  balance: z.string(),
});
export const ZListSuppliersResponse = z.array(ZSupplierResponse);
export type SupplierRow = z.infer<typeof ZSupplierResponse>;

const COLUMNS = sql`s.id, s.name, s.cuit, s.contact_name as "contactName", s.email, s.phone, s.address,
  s.payment_terms_days as "paymentTermsDays", s.notes, s.active,
  coalesce((select sum(p.balance) from payables p where p.supplier_id = s.id), 0)::numeric(14,2)::text as balance`;

/** Suppliers with their open balance (Σ payables balance). */
export async function listSuppliers(tx: Tx, opts: { search?: string; includeInactive?: boolean } = {}): Promise<SupplierRow[]> {
  const q = opts.search?.trim();
  return tx.execute<SupplierRow>(sql`
    select ${COLUMNS}
    from suppliers s
    where (${opts.includeInactive ?? false} or s.active)
      ${q ? sql`and (lower(s.name) like ${"%" + q.toLowerCase() + "%"} or s.cuit like ${"%" + q.replace(/\D/g, "") + "%"})` : sql``}
    order by lower(s.name)`);
}

export async function getSupplier(tx: Tx, id: string): Promise<SupplierRow> {
  const rows = await tx.execute<SupplierRow>(sql`
    select ${COLUMNS}
    from suppliers s where s.id = ${id}`);
  if (!rows[0]) throw new AppError("NOT_FOUND", "El proveedor no existe.", { supplierId: id });
  return rows[0];
}
