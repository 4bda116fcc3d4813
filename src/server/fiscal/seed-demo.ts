import "server-only";
import { withTenant } from "../db/with-tenant";
import { fiscalSettings } from "../db/schema/fiscal";
import type { DemoSeeder } from "../seed/demo";
import { issueTestCertificate } from "../afip/fake/certs";
import { devFakeCa } from "./afip-runtime";
import { saveFiscalSettings } from "./save-fiscal-settings";
import { uploadCredentials } from "./upload-credentials";
import { savePointOfSale } from "./save-point-of-sale";

/** A demo CUIT (valid check digit) that is clearly not a real business's. */
export const DEMO_CUIT = "30712345671";

/**
 * Demo tenant: Responsable Inscripto on the FAKE environment (the local fake AFIP, never
 * available in production), with a certificate issued by the fake's CA and point of sale 1.
 * Idempotent: an existing configuration is left alone.
 */
export const seedFiscalDemo: DemoSeeder = async ({ tenantId, ownerId }) => {
  if (process.env.NODE_ENV === "production") return;
  await withTenant(
    tenantId,
    async (tx) => {
      const [existing] = await tx.select({ id: fiscalSettings.id }).from(fiscalSettings).limit(1);
      if (existing) return;
      await saveFiscalSettings(tx, {
        cuit: DEMO_CUIT,
        legalName: "Hotel Mostrador Demo S.A.",
        ivaCondition: "RESPONSABLE_INSCRIPTO",
        activityStartDate: "2020-03-01",
        address: "Av. Siempreviva 742, CABA",
        environment: "FAKE",
      });
      const cert = issueTestCertificate(devFakeCa(), { cuit: DEMO_CUIT, commonName: "mostrador-demo" });
      await uploadCredentials(tx, { certificatePem: cert.certPem, privateKeyPem: cert.keyPem });
      await savePointOfSale(tx, { number: 1, name: "Caja 1" });
    },
    { userId: ownerId },
  );
};
