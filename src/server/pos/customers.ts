import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { customers } from "../db/schema/pos";
import { AppError, isUniqueViolation } from "../errors/app-error";

export const ZCreateCustomerInput = z.object({
  docType: z.enum(["CUIT", "CUIL", "DNI", "PASSPORT"]),
  docNumber: z.string().trim().regex(/^[0-9A-Za-z]{5,20}$/, "Número de documento inválido"),
  name: z.string().trim().min(2, "Ingresá el nombre o razón social").max(160),
  ivaCondition: z.enum(["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO", "CONSUMIDOR_FINAL", "NO_CATEGORIZADO"]),
  address: z.string().trim().max(200).optional(),
  email: z.email("E-mail inválido").optional(),
});
export type TCreateCustomerInput = z.infer<typeof ZCreateCustomerInput>;

/** Adds a customer (for Factura A and accounts). Document type + number unique per business. */
export async function createCustomer(tx: Tx, tenantId: string, input: TCreateCustomerInput) {
  try {
    const [row] = await tx.insert(customers).values({ tenantId, ...input }).returning();
    return row!;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `Ya existe un cliente con ${input.docType} ${input.docNumber}.`);
    throw e;
  }
}

export async function searchCustomers(tx: Tx, q: string) {
  const term = q.trim();
  if (term.length < 2) return [];
  const rows = await tx.execute<{ id: string; name: string; doc_type: string; doc_number: string; iva_condition: string }>(sql`
    select id, name, doc_type, doc_number, iva_condition from customers
    where active and (name ilike ${"%" + term + "%"} or doc_number like ${term + "%"})
    order by name limit 10`);
  return [...rows];
}
