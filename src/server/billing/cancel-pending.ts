import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { voidSale } from "../pos/void-sale";

export const ZCancelPendingInput = z.object({
  chargeId: z.uuid(),
  reason: z.string().trim().min(3, "Indicá el motivo de la cancelación").max(300),
  /** A charge from a POS sale voids the sale (stock returns): that needs a supervisor. */
  supervisorEmail: z.string().trim().max(254).optional(),
  supervisorPassword: z.string().max(200).optional(),
});

export const ZCancelPendingResponse = z.object({ chargeId: z.uuid(), status: z.literal("CANCELLED") });
export type TCancelPendingResponse = z.infer<typeof ZCancelPendingResponse>;

/**
 * Cancels a pending billable with a reason. A manual charge is just cancelled; one that came
 * from a POS sale voids the sale (stock back, supervisor's authorisation), which cancels it.
 */
export async function cancelPending(tx: Tx, raw: z.input<typeof ZCancelPendingInput>, actor: { userId: string; ip: string }) {
  const input = ZCancelPendingInput.parse(raw);
  const [ch] = await tx.execute<{ id: string; status: string; sale_id: string | null }>(sql`select id, status, sale_id from billing_charges where id = ${input.chargeId} for update`);
  if (!ch) throw new AppError("NOT_FOUND", "El cargo no existe.");
  if (ch.status !== "PENDING") throw new AppError("INVALID_STATE", "El cargo ya no está pendiente (está en un lote, facturado o cancelado).");
  if (ch.sale_id) {
    if (!input.supervisorEmail || !input.supervisorPassword) {
      throw new AppError("VALIDATION", "Es una venta del punto de venta: un supervisor tiene que autorizar su anulación.", { field: "supervisorEmail" });
    }
    await voidSale(tx, { saleId: ch.sale_id, reason: input.reason, supervisorEmail: input.supervisorEmail, supervisorPassword: input.supervisorPassword }, actor);
  } else {
    await tx.execute(sql`update billing_charges set status = 'CANCELLED', reason = ${input.reason}, changed_by = ${actor.userId}, changed_at = now() where id = ${ch.id}`);
  }
  return { chargeId: ch.id, status: "CANCELLED" as const };
}
