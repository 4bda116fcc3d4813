import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { ZAddFolioChargeInput } from "@/lib/schemas/billing";
import { insertManualCharge } from "./insert-manual-charge";

export const ZAddFolioChargeResponse = z.object({ chargeId: z.uuid(), total: z.string() });
export type TAddFolioChargeResponse = z.infer<typeof ZAddFolioChargeResponse>;

/** A charge posted by hand to an open folio (room nights, services). */
export async function addFolioCharge(tx: Tx, raw: z.input<typeof ZAddFolioChargeInput>, actor: { userId: string }) {
  const input = ZAddFolioChargeInput.parse(raw);
  const [f] = await tx.execute<{ status: string; room_number: string }>(sql`select status, room_number from folios where id = ${input.folioId} for share`);
  if (!f) throw new AppError("NOT_FOUND", "El folio no existe.");
  if (f.status !== "OPEN") throw new AppError("INVALID_STATE", `El folio de la habitación ${f.room_number} ya está cerrado.`);
  return insertManualCharge(tx, { status: "ON_FOLIO", folioId: input.folioId }, input, actor);
}
