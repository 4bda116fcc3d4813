import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { billingSupervisor } from "./supervisor";
import { voidSale } from "../pos/void-sale";
import { ZSupervisor } from "@/lib/schemas/billing";

type Actor = { userId: string; ip: string };

export const ZVoidFolioChargeInput = ZSupervisor.extend({ chargeId: z.uuid(), reason: z.string().trim().min(3, "Indicá el motivo").max(300) });
export const ZTransferFolioChargeInput = ZSupervisor.extend({ chargeId: z.uuid(), toFolioId: z.uuid() });

async function lockOnFolio(tx: Tx, chargeId: string) {
  const [ch] = await tx.execute<{ id: string; status: string; sale_id: string | null; folio_id: string | null }>(
    sql`select id, status, sale_id, folio_id from billing_charges where id = ${chargeId} for update`,
  );
  if (!ch) throw new AppError("NOT_FOUND", "El cargo no existe.");
  if (ch.status !== "ON_FOLIO") throw new AppError("INVALID_STATE", "El cargo ya no está en un folio abierto.");
  return ch;
}

const supervisor = (tx: Tx, input: z.infer<typeof ZSupervisor> & { chargeId: string }, actor: Actor) =>
  billingSupervisor(tx, { email: input.supervisorEmail, password: input.supervisorPassword }, "billing.override", input.chargeId, actor);

export const ZVoidFolioChargeResponse = z.object({ chargeId: z.uuid(), status: z.literal("VOIDED") });
export type TVoidFolioChargeResponse = z.infer<typeof ZVoidFolioChargeResponse>;

export const ZTransferFolioChargeResponse = z.object({ chargeId: z.uuid(), folioId: z.uuid() });
export type TTransferFolioChargeResponse = z.infer<typeof ZTransferFolioChargeResponse>;

/** Voids a folio charge with a supervisor; a charge from the POS voids its sale (stock returns). */
export async function voidFolioCharge(tx: Tx, raw: z.input<typeof ZVoidFolioChargeInput>, actor: Actor) {
  const input = ZVoidFolioChargeInput.parse(raw);
  const ch = await lockOnFolio(tx, input.chargeId);
  if (ch.sale_id) {
    // The sale's void checks the supervisor, returns the stock and releases this charge.
    await voidSale(tx, { saleId: ch.sale_id, reason: input.reason, supervisorEmail: input.supervisorEmail, supervisorPassword: input.supervisorPassword }, actor);
    return { chargeId: ch.id, status: "VOIDED" as const };
  }
  const sup = await supervisor(tx, input, actor);
  await tx.execute(sql`update billing_charges set status = 'VOIDED', reason = ${input.reason}, changed_by = ${actor.userId}, changed_at = now(), authorized_by = ${sup.userId}
    where id = ${ch.id}`);
  return { chargeId: ch.id, status: "VOIDED" as const };
}

/** Moves a charge to another open folio (wrong room), with a supervisor. */
export async function transferFolioCharge(tx: Tx, raw: z.input<typeof ZTransferFolioChargeInput>, actor: Actor) {
  const input = ZTransferFolioChargeInput.parse(raw);
  const sup = await supervisor(tx, input, actor);
  const ch = await lockOnFolio(tx, input.chargeId);
  if (ch.folio_id === input.toFolioId) throw new AppError("VALIDATION", "El cargo ya está en ese folio.");
  const [to] = await tx.execute<{ status: string; room_number: string }>(sql`select status, room_number from folios where id = ${input.toFolioId} for share`);
  if (!to) throw new AppError("NOT_FOUND", "El folio de destino no existe.");
  if (to.status !== "OPEN") throw new AppError("INVALID_STATE", `El folio de la habitación ${to.room_number} está cerrado.`);
  await tx.execute(sql`update billing_charges set folio_id = ${input.toFolioId}, changed_by = ${actor.userId}, changed_at = now(), authorized_by = ${sup.userId}
    where id = ${ch.id}`);
  return { chargeId: ch.id, folioId: input.toFolioId };
}
