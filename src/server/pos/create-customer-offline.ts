import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import type { TCreateCustomerOp } from "@/lib/schemas/pos-wire";
import type { OfflineOpOutcome } from "../cash/open-cash-session-offline";

/**
 * A customer typed on a terminal without connection (for a Factura A), created on sync with
 * the client's UUID. A replay answers DUPLICATE; when the business already had a customer
 * with that document, nothing is created and its id comes back (`mappedId`) so the
 * terminal points its queued sales at it.
 */
export async function createCustomerOffline(tx: Tx, op: TCreateCustomerOp): Promise<OfflineOpOutcome> {
  const [inserted] = await tx.execute<{ id: string }>(sql`
    insert into customers (id, doc_type, doc_number, name, iva_condition, address)
    values (${op.id}, ${op.docType}, ${op.docNumber}, ${op.name}, ${op.ivaCondition}, ${op.address ?? null})
    on conflict do nothing
    returning id`);
  if (inserted) return { status: "ACCEPTED" };
  const [same] = await tx.execute<{ id: string }>(sql`
    select id from customers where id = ${op.id} or (doc_type = ${op.docType} and doc_number = ${op.docNumber})
    order by (id = ${op.id}) desc limit 1`);
  if (!same) return { status: "DUPLICATE" };
  return same.id === op.id ? { status: "DUPLICATE" } : { status: "ACCEPTED", mappedId: same.id };
}
