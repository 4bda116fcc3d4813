import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { fiscalSettings } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { isValidCuit, normalizeCuit } from "@/lib/cuit";
import { EMITTER_IVA_CONDITIONS } from "../afip/codes";
import { dec } from "@/lib/decimal";
import { runtimeEnv } from "../env";

export const ZSaveFiscalSettingsInput = z.object({
  cuit: z
    .string()
    .max(20, "El CUIT tiene 11 dígitos")
    .transform(normalizeCuit)
    .refine(isValidCuit, "CUIT inválido (revisá el dígito verificador)"),
  legalName: z.string().trim().min(2, "Ingresá la razón social").max(200),
  ivaCondition: z.enum(EMITTER_IVA_CONDITIONS),
  activityStartDate: z.iso.date().optional().nullable(),
  grossIncomeNumber: z.string().trim().max(50).optional().nullable(),
  address: z.string().trim().max(300).optional().nullable(),
  environment: z.enum(["HOMOLOGATION", "PRODUCTION", "FAKE"]),
  anonymousConsumerLimit: z
    .string()
    .max(20, "Importe inválido")
    .regex(/^\d+(\.\d{1,2})?$/, "Importe inválido")
    .optional(),
  /** Minutes of CAE unavailability before a register switches to its CAEA point of sale. */
  contingencyAfterMinutes: z.number().int().min(1, "Mínimo 1 minuto").max(1440, "Máximo 24 horas").optional(),
  /** ARCA's limit on the share of a fortnight's documents issued under CAEA (percent). */
  caeaMaxSharePercent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, "Porcentaje inválido")
    .refine((v) => dec(v).lte(100), "Máximo 100 %")
    .optional(),
});
export type TSaveFiscalSettingsInput = z.input<typeof ZSaveFiscalSettingsInput>;

export const ZSaveFiscalSettingsResponse = z.object({ id: z.uuid() });
export type TSaveFiscalSettingsResponse = z.infer<typeof ZSaveFiscalSettingsResponse>;

/** Create or update the tenant's fiscal identity (OWNER/ADMIN). Credentials are uploaded separately. */
export async function saveFiscalSettings(tx: Tx, raw: TSaveFiscalSettingsInput) {
  const input = ZSaveFiscalSettingsInput.parse(raw);
  if (input.environment === "FAKE" && runtimeEnv().NODE_ENV === "production") {
    throw new AppError("VALIDATION", "El ARCA simulado no puede usarse en modo producción");
  }
  const values = {
    cuit: input.cuit,
    legalName: input.legalName,
    ivaCondition: input.ivaCondition,
    activityStartDate: input.activityStartDate ?? null,
    grossIncomeNumber: input.grossIncomeNumber ?? null,
    address: input.address ?? null,
    environment: input.environment,
    ...(input.anonymousConsumerLimit ? { anonymousConsumerLimit: input.anonymousConsumerLimit } : {}),
    ...(input.contingencyAfterMinutes ? { contingencyAfterMinutes: input.contingencyAfterMinutes } : {}),
    ...(input.caeaMaxSharePercent ? { caeaMaxSharePercent: input.caeaMaxSharePercent } : {}),
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(fiscalSettings)
    .values({ ...values })
    .onConflictDoUpdate({ target: fiscalSettings.tenantId, set: values })
    .returning({ id: fiscalSettings.id });
  return { id: row!.id };
}
