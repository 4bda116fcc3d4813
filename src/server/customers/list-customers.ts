import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

export type CustomerRow = {
  id: string;
  docType: "CUIT" | "CUIL" | "DNI" | "PASSPORT";
  docNumber: string;
  name: string;
  ivaCondition: "RESPONSABLE_INSCRIPTO" | "MONOTRIBUTO" | "EXENTO" | "CONSUMIDOR_FINAL" | "NO_CATEGORIZADO";
  address: string | null;
  email: string | null;
  active: boolean;
  accountEnabled: boolean;
  creditLimit: string;
  paymentTermsDays: number;
  /** Issued invoices − collections (what the customer owes on invoices). */
  balance: string;
  /** Charges not yet invoiced (on account, pending or in a batch). */
  uninvoiced: string;
};

/**
 * Customers with their account position. `balance` and `uninvoiced` come from the same
 * expressions the credit-limit check uses (account-exposure.ts).
 */
export async function listCustomers(tx: Tx, input: { search?: string; includeInactive?: boolean; accountOnly?: boolean; ids?: string[] } = {}) {
  const q = input.search?.trim();
  const rows = await tx.execute<CustomerRow>(sql`
    select c.id, c.doc_type as "docType", c.doc_number as "docNumber", c.name, c.iva_condition as "ivaCondition", c.address, c.email, c.active,
      c.account_enabled as "accountEnabled", c.credit_limit::text as "creditLimit", c.payment_terms_days as "paymentTermsDays",
      (coalesce((select sum(d.total) from billing_documents d join fiscal_documents f on f.id = d.fiscal_document_id
                 where d.customer_id = c.id and f.status = 'ISSUED'), 0)
       - coalesce((select sum(p.amount) from customer_collections p where p.customer_id = c.id), 0))::numeric(14,2)::text as balance,
      coalesce((select sum(ch.total) from billing_charges ch where ch.customer_id = c.id and ch.status in ('PENDING', 'INVOICING')), 0)::numeric(14,2)::text as uninvoiced
    from customers c
    where true
      ${input.includeInactive ? sql`` : sql`and c.active`}
      ${input.accountOnly ? sql`and c.account_enabled` : sql``}
      ${q ? sql`and (c.name ilike ${"%" + q + "%"} or c.doc_number like ${q.replace(/[\s.-]/g, "") + "%"})` : sql``}
    order by lower(c.name) limit 300`);
  return [...rows];
}
