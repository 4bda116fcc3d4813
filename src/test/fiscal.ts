import { randomInt, randomUUID } from "node:crypto";
import { makeCuit } from "../lib/cuit";
import { withTenant } from "../server/db/with-tenant";
import { makeTenant } from "./factories";
import { saveFiscalSettings } from "../server/fiscal/save-fiscal-settings";
import { uploadCredentials } from "../server/fiscal/upload-credentials";
import { requestFiscalDocument, } from "../server/fiscal/request-fiscal-document";
import type { TRequestFiscalDocumentInput } from "../server/fiscal/schemas";
import { issueTestCertificate, type Pem } from "../server/afip/fake/certs";
import type { EmitterIvaCondition } from "../lib/afip-codes";

/** A valid random CUIT (check digit computed by the one implementation). */
export function randomCuit(prefix = "20"): string {
  for (;;) {
    const cuit = makeCuit(prefix, String(randomInt(10_000_000, 99_999_999)));
    if (cuit) return cuit;
  }
}

/** A tenant with fiscal settings on the FAKE environment and a certificate from the fake's CA. */
export async function makeFiscalTenant(ca: Pem, ivaCondition: EmitterIvaCondition = "RESPONSABLE_INSCRIPTO") {
  const t = await makeTenant("Fiscal SA");
  const cuit = randomCuit(ivaCondition === "RESPONSABLE_INSCRIPTO" ? "30" : "20");
  const cert = issueTestCertificate(ca, { cuit });
  await withTenant(t.tenantId, async (tx) => {
    await saveFiscalSettings(tx, { cuit, legalName: "Fiscal SA", ivaCondition, environment: "FAKE" });
    await uploadCredentials(tx, { certificatePem: cert.certPem, privateKeyPem: cert.keyPem });
  });
  return { ...t, cuit };
}

export const consumerSale = (over: Partial<TRequestFiscalDocumentInput> = {}): TRequestFiscalDocumentInput => ({
  saleId: randomUUID(),
  pointOfSale: 2,
  lines: [
    { description: "Yerba 1 kg", quantity: "2", unitPrice: "3630.00", ivaRate: "21" },
    { description: "Pan", quantity: "1.5", unitPrice: "1105.00", ivaRate: "10.50" },
  ],
  total: "8917.50",
  ...over,
});

export const requestDoc = (tenantId: string, input: TRequestFiscalDocumentInput) =>
  withTenant(tenantId, (tx) => requestFiscalDocument(tx, input)).then((r) => r.documentId);
