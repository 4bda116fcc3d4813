import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "../db/current-tenant";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { isValidCuit, normalizeCuit } from "@/lib/cuit";
import { EMITTER_IVA_CONDITIONS } from "@/lib/afip-codes";
import { AR_TIME_ZONES } from "@/lib/business-settings";

export const ZSaveBusinessSettingsInput = z.object({
  name: z.string().trim().min(2, "Ingresá el nombre del negocio").max(80, "Máximo 80 caracteres"),
  legalName: z.string().trim().min(2, "Ingresá la razón social").max(200, "Máximo 200 caracteres"),
  cuit: z
    .string()
    .max(20, "CUIT inválido")
    .transform(normalizeCuit)
    .refine(isValidCuit, "CUIT inválido (revisá el dígito verificador)"),
  address: z.string().trim().max(300, "Máximo 300 caracteres").nullable(),
  ivaCondition: z.enum(EMITTER_IVA_CONDITIONS, "Elegí la condición frente al IVA"),
  timezone: z.enum(AR_TIME_ZONES, "Elegí una zona horaria de la lista"),
  allowNegativeStock: z.boolean(),
  expiryAlertDays: z.number("Ingresá un número de días").int("Ingresá días enteros").min(1, "Mínimo 1 día").max(365, "Máximo 365 días"),
  defaultWarehouseId: z.uuid("Elegí el depósito principal"),
});
export type TSaveBusinessSettingsInput = z.input<typeof ZSaveBusinessSettingsInput>;
export const ZSaveBusinessSettingsResponse = z.object({ saved: z.literal(true) });

/**
 * Saves the business data and operating settings in one transaction. Legal name, CUIT,
 * address and IVA condition live in the fiscal settings row (the tickets and invoices read
 * them from there); the ARCA environment and credentials stay on the fiscal page. The main
 * warehouse switches with two conditional updates; the partial unique index
 * `warehouses_one_default_key` keeps exactly one even when two people switch it at once.
 */
export async function saveBusinessSettings(tx: Tx, raw: TSaveBusinessSettingsInput): Promise<{ saved: true }> {
  const v = ZSaveBusinessSettingsInput.parse(raw);
  await tx.execute(sql`
    update tenants set name = ${v.name},
      settings = settings || jsonb_build_object('timezone', ${v.timezone}::text, 'allowNegativeStock', ${v.allowNegativeStock}::boolean,
                                                'expiryAlertDays', ${v.expiryAlertDays}::int)
    where id = ${TENANT}`);
  await tx.execute(sql`
    insert into fiscal_settings (tenant_id, cuit, legal_name, iva_condition, address)
    values (${TENANT}, ${v.cuit}, ${v.legalName}, ${v.ivaCondition}, ${v.address || null})
    on conflict (tenant_id) do update set cuit = excluded.cuit, legal_name = excluded.legal_name,
      iva_condition = excluded.iva_condition, address = excluded.address, updated_at = now()`);
  try {
    await tx.execute(sql`
      update warehouses set is_default = false
      where tenant_id = ${TENANT} and is_default and id <> ${v.defaultWarehouseId}
        and exists (select 1 from warehouses n where n.tenant_id = ${TENANT} and n.id = ${v.defaultWarehouseId} and n.active)`);
    const set = await tx.execute<{ id: string }>(sql`
      update warehouses set is_default = true where tenant_id = ${TENANT} and id = ${v.defaultWarehouseId} and active returning id`);
    if (set.length === 0) throw new AppError("VALIDATION", "Elegí un depósito activo como principal.", { field: "defaultWarehouseId" });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Otra persona cambió el depósito principal al mismo tiempo. Probá de nuevo.", { field: "defaultWarehouseId" });
    throw e;
  }
  return { saved: true };
}
