import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { folios } from "../db/schema/billing";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { ZOpenFolioInput } from "@/lib/schemas/billing";

export const ZOpenFolioResponse = z.object({ folioId: z.uuid() });
export type TOpenFolioResponse = z.infer<typeof ZOpenFolioResponse>;

/** Opens a folio for a room and guest. One open folio per room (partial unique key). */
export async function openFolio(tx: Tx, raw: z.input<typeof ZOpenFolioInput>, actor: { userId: string }) {
  const input = ZOpenFolioInput.parse(raw);
  if (input.checkOut < input.checkIn) throw new AppError("VALIDATION", "La salida es anterior al ingreso.", { field: "checkOut" });
  if (input.customerId) {
    const [c] = await tx.execute(sql`select 1 from customers where id = ${input.customerId} and active`);
    if (!c) throw new AppError("NOT_FOUND", "La empresa elegida no existe.", { field: "customerId" });
  }
  try {
    const [row] = await tx
      .insert(folios)
      .values({ ...input, customerId: input.customerId ?? null, openedBy: actor.userId })
      .returning({ id: folios.id });
    return { folioId: row!.id };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `La habitación ${input.roomNumber} ya tiene un folio abierto.`, { field: "roomNumber" });
    throw e;
  }
}
