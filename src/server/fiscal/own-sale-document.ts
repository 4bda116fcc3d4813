import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT } from "../inventory/ledger";

/**
 * A cashier (no fiscal.read) may open only the invoice or credit note of a sale rung in one of
 * their own cash sessions, to print it for the customer; anything else looks missing.
 */
export async function assertOwnSaleDocument(tx: Tx, documentId: string, userId: string) {
  const [row] = await tx.execute(sql`
    select 1 from fiscal_documents d
    join sales s on s.tenant_id = d.tenant_id and s.id = d.sale_id
    join cash_sessions cs on cs.tenant_id = s.tenant_id and cs.id = s.cash_session_id
    where d.tenant_id = ${TENANT} and d.id = ${documentId} and cs.opened_by = ${userId}`);
  if (!row) throw new AppError("NOT_FOUND", "El comprobante no existe");
}
