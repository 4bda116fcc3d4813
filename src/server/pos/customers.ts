import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { customers } from "../db/schema/pos";
import { customerNameSearch } from "../db/schema/search";
import { containsPattern, hasTrigram, rarestTrigram } from "../db/name-search";
import { TENANT } from "../inventory/ledger";
import { AppError, isUniqueViolation } from "../errors/app-error";

export const ZCreateCustomerInput = z.object({
  docType: z.enum(["CUIT", "CUIL", "DNI", "PASSPORT"]),
  docNumber: z.string().trim().regex(/^[0-9A-Za-z]{5,20}$/, "Número de documento inválido"),
  name: z.string().trim().min(2, "Ingresá el nombre o razón social").max(160),
  ivaCondition: z.enum(["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO", "CONSUMIDOR_FINAL", "NO_CATEGORIZADO"]),
  address: z.string().trim().max(200).optional(),
  email: z.email("E-mail inválido").max(254, "El e-mail es demasiado largo").optional(),
});
export type TCreateCustomerInput = z.infer<typeof ZCreateCustomerInput>;

export const ZCreateCustomerResponse = z.object({
  email: z.string().nullable(),
  name: z.string(),
  id: z.uuid(),
  createdAt: z.date(),
  tenantId: z.uuid(),
  active: z.boolean(),
  ivaCondition: z.enum(["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO", "CONSUMIDOR_FINAL", "NO_CATEGORIZADO"]),
  address: z.string().nullable(),
  updatedAt: z.date(),
  docType: z.enum(["CUIT", "CUIL", "DNI", "PASSPORT"]),
  docNumber: z.string(),
  accountEnabled: z.boolean(),
  creditLimit: z.string(),
  paymentTermsDays: z.number(),
});
export type TCreateCustomerResponse = z.infer<typeof ZCreateCustomerResponse>;

/** Adds a customer (for Factura A and accounts). Document type + number unique per business. */
export async function createCustomer(tx: Tx, input: TCreateCustomerInput) {
  try {
    const [row] = await tx.insert(customers).values(input).returning();
    return row!;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `Ya existe un cliente con ${input.docType} ${input.docNumber}.`);
    throw e;
  }
}

export const ZSearchCustomersResponse = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    docType: z.enum(["CUIT", "CUIL", "DNI", "PASSPORT"]),
    docNumber: z.string(),
    ivaCondition: z.enum(["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO", "CONSUMIDOR_FINAL", "NO_CATEGORIZADO"]),
  }),
);
export type TSearchCustomersResponse = z.infer<typeof ZSearchCustomersResponse>;

export async function searchCustomers(tx: Tx, q: string): Promise<TSearchCustomersResponse> {
  const term = q.trim();
  if (term.length < 2) return [];
  const lower = term.toLowerCase();
  // Each branch can use an index under RLS (only `=` and btree ranges can): the name through
  // customer_name_search (rarest trigram, in name order, stops at 10), the document number
  // as a range (digits: every number starting with them) or exactly.
  const byName = hasTrigram(lower)
    ? sql`(select s.customer_id as id from customer_name_search s
        where s.tenant_id = ${TENANT} and s.trigram = ${rarestTrigram(customerNameSearch, lower)} and s.name_key like ${containsPattern(lower)}
        order by s.name_key, s.customer_id limit 10)`
    : sql`(select c.id from customers c where c.tenant_id = ${TENANT} and c.active and lower(c.name) like ${containsPattern(lower)})`;
  const byDoc = /^\d+$/.test(term)
    ? sql`(select c.id from customers c where c.tenant_id = ${TENANT} and c.active and c.doc_number >= ${term} and c.doc_number < ${term + "z"} limit 10)`
    : sql`(select c.id from customers c where c.tenant_id = ${TENANT} and c.doc_number = ${term})`;
  const rows = await tx.execute<TSearchCustomersResponse[number]>(sql`
    select c.id, c.name, c.doc_type as "docType", c.doc_number as "docNumber", c.iva_condition as "ivaCondition"
    from customers c join (${byName} union ${byDoc}) m on c.tenant_id = ${TENANT} and c.id = m.id
    where c.active
    order by lower(c.name), c.id limit 10`);
  return [...rows];
}
