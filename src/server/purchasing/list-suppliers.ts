import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";

export type SupplierRow = {
  id: string;
  name: string;
  cuit: string;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  payment_terms_days: number;
  notes: string | null;
  active: boolean;
  balance: string;
};

/** Suppliers with their open balance (Σ payables balance). */
export async function listSuppliers(tx: Tx, opts: { search?: string; includeInactive?: boolean } = {}): Promise<SupplierRow[]> {
  const q = opts.search?.trim();
  return tx.execute<SupplierRow>(sql`
    select s.id, s.name, s.cuit, s.contact_name, s.email, s.phone, s.address, s.payment_terms_days, s.notes, s.active,
           coalesce((select sum(p.balance) from payables p where p.supplier_id = s.id), 0)::numeric(14,2)::text as balance
    from suppliers s
    where (${opts.includeInactive ?? false} or s.active)
      ${q ? sql`and (lower(s.name) like ${"%" + q.toLowerCase() + "%"} or s.cuit like ${"%" + q.replace(/\D/g, "") + "%"})` : sql``}
    order by lower(s.name)`);
}

export async function getSupplier(tx: Tx, id: string): Promise<SupplierRow> {
  const rows = await tx.execute<SupplierRow>(sql`
    select s.id, s.name, s.cuit, s.contact_name, s.email, s.phone, s.address, s.payment_terms_days, s.notes, s.active,
           coalesce((select sum(p.balance) from payables p where p.supplier_id = s.id), 0)::numeric(14,2)::text as balance
    from suppliers s where s.id = ${id}`);
  if (!rows[0]) throw new AppError("NOT_FOUND", "El proveedor no existe.", { supplierId: id });
  return rows[0];
}
