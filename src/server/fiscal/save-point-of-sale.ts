import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { fiscalPointsOfSale } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";

export const ZSavePointOfSaleInput = z.object({
  number: z.number().int().min(1, "El punto de venta va de 1 a 99998").max(99998),
  name: z.string().trim().min(1, "Ingresá un nombre").max(100),
  active: z.boolean().default(true),
  /** As registered at ARCA: CAE (web service) or CAEA (contingency). */
  emissionType: z.enum(["CAE", "CAEA"]).default("CAE"),
  /** CAEA points of sale: the CAE point of sale whose registers fall back here. */
  fallbackFor: z.number().int().min(1).max(99998).nullable().optional(),
});
export type TSavePointOfSaleInput = z.input<typeof ZSavePointOfSaleInput>;

export const ZSavePointOfSaleResponse = z.object({
  number: z.number(),
  name: z.string(),
  id: z.uuid(),
  createdAt: z.date(),
  tenantId: z.uuid(),
  active: z.boolean(),
  emissionType: z.enum(["CAE", "CAEA"]),
  fallbackFor: z.number().nullable(),
});
export type TSavePointOfSaleResponse = z.infer<typeof ZSavePointOfSaleResponse>;

/** Create or update an ARCA point of sale by number. */
export async function savePointOfSale(tx: Tx, raw: TSavePointOfSaleInput) {
  const parsed = ZSavePointOfSaleInput.parse(raw);
  if (parsed.emissionType === "CAE" && parsed.fallbackFor) throw new AppError("VALIDATION", "Solo un punto de venta CAEA respalda a otro");
  if (parsed.fallbackFor === parsed.number) throw new AppError("VALIDATION", "Un punto de venta no puede respaldarse a sí mismo");
  const input = { ...parsed, fallbackFor: parsed.emissionType === "CAEA" ? (parsed.fallbackFor ?? null) : null };
  const [row] = await tx
    .insert(fiscalPointsOfSale)
    .values({ ...input })
    .onConflictDoUpdate({ target: [fiscalPointsOfSale.tenantId, fiscalPointsOfSale.number], set: { name: input.name, active: input.active, emissionType: input.emissionType, fallbackFor: input.fallbackFor } })
    .returning();
  return row!;
}
