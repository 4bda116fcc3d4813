import "server-only";
import { X509Certificate } from "node:crypto";
import type { Tx } from "../db/client";
import { fiscalSettings } from "../db/schema/fiscal";
import { arDate, formatCalendarDate } from "@/lib/ar-time";
import { notify } from "../purchasing/notifications";

/** Notify once per day while the WSAA certificate expires within 30 days (or has expired). */
export async function alertExpiringCertificate(tx: Tx, now = new Date()): Promise<number> {
  const [s] = await tx.select({ pem: fiscalSettings.certificatePem }).from(fiscalSettings).limit(1);
  if (!s?.pem) return 0;
  let validTo: Date;
  try {
    validTo = new Date(new X509Certificate(s.pem).validTo);
  } catch {
    return 0;
  }
  const days = Math.floor((validTo.getTime() - now.getTime()) / 86_400_000);
  if (days > 30) return 0;
  const expiry = formatCalendarDate(arDate(validTo));
  return notify(tx, [
    {
      kind: "FISCAL_CERT_EXPIRING",
      title: days < 0 ? "El certificado de ARCA (ex AFIP) está vencido" : `El certificado de ARCA (ex AFIP) vence en ${days} días`,
      body: `Vence el ${expiry}. Generá un nuevo pedido (CSR) en Configuración fiscal y subí el certificado nuevo antes de esa fecha para seguir facturando.`,
      link: "/fiscal/configuracion",
      dedupeKey: `cert-expiring:${arDate(now)}`,
    },
  ]);
}
