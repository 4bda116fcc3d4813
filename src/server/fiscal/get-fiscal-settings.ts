import "server-only";
import { asc } from "drizzle-orm";
import type { Tx } from "../db/client";
import { fiscalPointsOfSale, fiscalSettings } from "../db/schema/fiscal";
import { certificateInfo } from "./upload-credentials";

/** Settings as the browser may see them: never the private key, only whether one is stored. */
export async function getFiscalSettings(tx: Tx) {
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
