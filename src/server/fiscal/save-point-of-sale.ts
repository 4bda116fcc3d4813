import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { fiscalPointsOfSale } from "../db/schema/fiscal";
import { currentTenantId } from "./current-tenant";

export const ZSavePointOfSaleInput = z.object({
  number: z.number().int().min(1, "El punto de venta va de 1 a 99998").max(99998),
  name: z.string().trim().min(1, "Ingresá un nombre").max(100),
  active: z.boolean().default(true),
});
export type TSavePointOfSaleInput = z.input<typeof ZSavePointOfSaleInput>;

/** Create or update an AFIP point of sale by number. */
export async function savePointOfSale(tx: Tx, raw: TSavePointOfSaleInput) {
  const input = ZSavePointOfSaleInput.parse(raw);
  const [row] = await tx
    .insert(fiscalPointsOfSale)
    .values({ tenantId: currentTenantId(), ...input })
    .onConflictDoUpdate({ target: [fiscalPointsOfSale.tenantId, fiscalPointsOfSale.number], set: { name: input.name, active: input.active } })
    .returning();
  return row!;
}
