import "server-only";
import { z } from "zod";
import { asc } from "drizzle-orm";
import type { Tx } from "../db/client";
import { fiscalPointsOfSale, fiscalSettings } from "../db/schema/fiscal";
import { certificateInfo, ZUploadCredentialsResponse as ZCertificateInfo } from "./upload-credentials";

const ZPointOfSaleRow = z.object({
  tenantId: z.uuid(),
  id: z.uuid(),
  number: z.number(),
  name: z.string(),
  active: z.boolean(),
  emissionType: z.enum(["CAE", "CAEA"]),
  fallbackFor: z.number().nullable(),
  createdAt: z.date(),
});

export const ZFiscalSettingsResponse = z.object({
  /** null until the business saves its fiscal data. */
  settings: z
    .object({
      cuit: z.string(),
      legalName: z.string(),
      ivaCondition: z.enum(["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO"]),
      activityStartDate: z.string().nullable(),
      grossIncomeNumber: z.string().nullable(),
      address: z.string().nullable(),
      environment: z.enum(["HOMOLOGATION", "PRODUCTION", "FAKE"]),
      anonymousConsumerLimit: z.string(),
      hasPrivateKey: z.boolean(),
      certificate: ZCertificateInfo.nullable(),
      pendingCsr: z.object({ pem: z.string(), createdAt: z.string().nullable() }).nullable(),
      contingencyAfterMinutes: z.number(),
      caeaMaxSharePercent: z.string(),
      updatedAt: z.date(),
    })
    .nullable(),
  pointsOfSale: z.array(ZPointOfSaleRow),
});
export type TFiscalSettingsResponse = z.infer<typeof ZFiscalSettingsResponse>;

/** Settings as the browser may see them: never the private key, only whether one is stored. */
export async function getFiscalSettings(tx: Tx): Promise<TFiscalSettingsResponse> {
  const [s] = await tx.select().from(fiscalSettings).limit(1);
  const pointsOfSale = await tx.select().from(fiscalPointsOfSale).orderBy(asc(fiscalPointsOfSale.number));
  if (!s) return { settings: null, pointsOfSale };
  let certificate = null;
  try {
    certificate = s.certificatePem ? certificateInfo(s.certificatePem) : null;
  } catch {
    certificate = null;
  }
  return {
    settings: {
      cuit: s.cuit,
      legalName: s.legalName,
      ivaCondition: s.ivaCondition,
      activityStartDate: s.activityStartDate,
      grossIncomeNumber: s.grossIncomeNumber,
      address: s.address,
      environment: s.environment,
      anonymousConsumerLimit: s.anonymousConsumerLimit,
      hasPrivateKey: Boolean(s.privateKeyEncrypted),
      certificate,
      /** A CSR generated here whose certificate has not been uploaded yet. */
      pendingCsr: s.csrPem && s.pendingPrivateKeyEncrypted ? { pem: s.csrPem, createdAt: s.csrCreatedAt?.toISOString() ?? null } : null,
      contingencyAfterMinutes: s.contingencyAfterMinutes,
      caeaMaxSharePercent: s.caeaMaxSharePercent,
      updatedAt: s.updatedAt,
    },
    pointsOfSale,
  };
}
