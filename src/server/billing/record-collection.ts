import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { customerCollections } from "../db/schema/billing";
import { AppError } from "../errors/app-error";
import { Decimal } from "@/lib/decimal";
import { formatMoney } from "@/lib/format";
import { ZCollectionInput } from "@/lib/schemas/billing";

export const ZRecordCollectionResponse = z.object({ collectionId: z.uuid(), balance: z.string() });
export type TRecordCollectionResponse = z.infer<typeof ZRecordCollectionResponse>;

/**
 * Money received from a customer (cash, transfer, card, cheque), partial payments allowed,
 * applied to the oldest invoices first. Never more than what the issued invoices leave owed;
 * the customer row lock serializes two collections typed at once.
 */
export async function recordCollection(tx: Tx, raw: z.input<typeof ZCollectionInput>, actor: { userId: string }) {
  const input = ZCollectionInput.parse(raw);
  const [c] = await tx.execute<{ name: string; owed: string }>(sql`
    select c.name,
      (coalesce((select sum(d.total) from billing_documents d join fiscal_documents f on f.id = d.fiscal_document_id
                 where d.customer_id = c.id and f.status = 'ISSUED'), 0)
       - coalesce((select sum(p.amount) from customer_collections p where p.customer_id = c.id), 0))::numeric(14,2)::text as owed
    from customers c where c.id = ${input.customerId} for update of c`);
  if (!c) throw new AppError("NOT_FOUND", "El cliente no existe.");
  if (new Decimal(input.amount).gt(c.owed)) {
    throw new AppError("VALIDATION", `El cobro supera lo que ${c.name} debe en facturas (${formatMoney(Decimal.max(c.owed, 0))}).`, { field: "amount" });
  }
  const [row] = await tx
    .insert(customerCollections)
    .values({ ...input, createdBy: actor.userId })
    .returning({ id: customerCollections.id });
  return { collectionId: row!.id, balance: new Decimal(c.owed).minus(input.amount).toFixed(2) };
}
