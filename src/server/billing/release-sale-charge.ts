import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";

/**
 * A voided sale takes its charge with it (same transaction as the void): a pending or
 * on-folio charge is cancelled; one already in a batch or invoiced needs a credit note instead.
 */
export async function releaseSaleCharge(tx: Tx, saleId: string, reason: string, actor: { userId: string; authorizedBy: string }) {
  const [ch] = await tx.execute<{ id: string; status: string }>(sql`select id, status from billing_charges where sale_id = ${saleId} for update`);
  if (!ch) return;
  if (ch.status !== "PENDING" && ch.status !== "ON_FOLIO") {
    throw new AppError("INVALID_STATE", "Ese ticket ya está en un lote de facturación o facturado: corresponde una nota de crédito.");
  }
  await tx.execute(sql`
    update billing_charges set status = ${ch.status === "ON_FOLIO" ? "VOIDED" : "CANCELLED"}::billing_charge_status, reason = ${reason},
      changed_by = ${actor.userId}, changed_at = now(), authorized_by = ${actor.authorizedBy}
    where id = ${ch.id}`);
}
