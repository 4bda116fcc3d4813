import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { billingCharges } from "../db/schema/billing";
import { AppError } from "../errors/app-error";
import { tenantToday } from "../purchasing/common";
import { ZAddFolioChargeInput } from "@/lib/schemas/billing";
import { manualChargeLines } from "./charge-lines";

export const ZAddFolioChargeResponse = z.object({ chargeId: z.uuid(), total: z.string() });
export type TAddFolioChargeResponse = z.infer<typeof ZAddFolioChargeResponse>;

/** A charge posted by hand to an open folio (room nights, services). */
export async function addFolioCharge(tx: Tx, raw: z.input<typeof ZAddFolioChargeInput>, actor: { userId: string }) {
  const input = ZAddFolioChargeInput.parse(raw);
  const [f] = await tx.execute<{ status: string; room_number: string }>(sql`select status, room_number from folios where id = ${input.folioId} for share`);
  if (!f) throw new AppError("NOT_FOUND", "El folio no existe.");
  if (f.status !== "OPEN") throw new AppError("INVALID_STATE", `El folio de la habitación ${f.room_number} ya está cerrado.`);
  const { lines, total } = manualChargeLines(input.lines);
  const [row] = await tx
    .insert(billingCharges)
    .values({
      source: "MANUAL",
      status: "ON_FOLIO",
      folioId: input.folioId,
      description: lines.map((l) => l.description).join(", ").slice(0, 300),
      lines,
      total,
      chargedOn: input.chargedOn ?? (await tenantToday(tx)),
      createdBy: actor.userId,
    })
    .returning({ id: billingCharges.id });
  return { chargeId: row!.id, total };
}
