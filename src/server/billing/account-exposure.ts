import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

/**
 * What a customer owes or has committed: issued invoices − collections + charges not yet
 * invoiced. Read after the customer row is locked, so concurrent charges see each other.
 */
export async function accountExposure(tx: Tx, customerId: string): Promise<string> {
  const [r] = await tx.execute<{ exposure: string }>(sql`
    select (coalesce((select sum(d.total) from billing_documents d join fiscal_documents f on f.id = d.fiscal_document_id
                      where d.customer_id = ${customerId} and f.status = 'ISSUED'), 0)
          - coalesce((select sum(p.amount) from customer_collections p where p.customer_id = ${customerId}), 0)
          + coalesce((select sum(ch.total) from billing_charges ch where ch.customer_id = ${customerId} and ch.status in ('PENDING', 'INVOICING')), 0)
           )::numeric(14,2)::text as exposure`);
  return r!.exposure;
}
