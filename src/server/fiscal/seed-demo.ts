import "server-only";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalSettings } from "../db/schema/fiscal";
import type { DemoSeeder } from "../seed/demo";
import { issueTestCertificate } from "../afip/fake/certs";
import { devFakeCa } from "./afip-runtime";
import { saveFiscalSettings } from "./save-fiscal-settings";
import { uploadCredentials } from "./upload-credentials";
import { savePointOfSale } from "./save-point-of-sale";
import { runtimeEnv } from "../env";

/** A demo CUIT (valid check digit) that is clearly not a real business's. */
export const DEMO_CUIT = "30712345671";
export const FISCAL_REGISTER = "Caja 3 · Factura electrónica";

/**
 * Demo tenant: Responsable Inscripto on the FAKE environment (the local fake AFIP, never
 * available in production), with a certificate issued by the fake's CA, points of sale 1 and
 * 3 (CAE) and 93 (CAEA, backing 3), and a register "Caja 3 · Factura electrónica" (PtoVta 3)
 * whose sales request documents.
 * Idempotent: an existing configuration is left alone.
 */
export const seedFiscalDemo: DemoSeeder = async ({ tenantId, ownerId, warehouseId, business }) => {
  if (runtimeEnv().NODE_ENV === "production") return;
  // An e2e spec's copy of the demo has its own CUIT: the fake ARCA numbers documents per CUIT.
  const cuit = business?.cuit ?? DEMO_CUIT;
  await withTenant(
    tenantId,
    async (tx) => {
      await tx.execute(sql`
        insert into registers (tenant_id, name, warehouse_id, afip_point_of_sale, fiscal_enabled)
        values (${tenantId}, ${FISCAL_REGISTER}, ${warehouseId}, 3, true)
        on conflict (tenant_id, name) do nothing`);
      const [existing] = await tx.select({ id: fiscalSettings.id }).from(fiscalSettings).limit(1);
      if (existing) return;
      await saveFiscalSettings(tx, {
        cuit,
        legalName: `${business?.businessName ?? "Hotel Mostrador Demo"} S.A.`,
        ivaCondition: "RESPONSABLE_INSCRIPTO",
        activityStartDate: "2020-03-01",
        address: "Av. Siempreviva 742, CABA",
        environment: "FAKE",
      });
      const cert = issueTestCertificate(devFakeCa(), { cuit, commonName: "mostrador-demo" });
      await uploadCredentials(tx, { certificatePem: cert.certPem, privateKeyPem: cert.keyPem });
      await savePointOfSale(tx, { number: 1, name: "Caja 1" });
      await savePointOfSale(tx, { number: 3, name: FISCAL_REGISTER });
      // Contingency: CAEA point of sale 93 backs point of sale 3 (Caja 3) when ARCA does not answer.
      await savePointOfSale(tx, { number: 93, name: "Contingencia Caja 3", emissionType: "CAEA", fallbackFor: 3 });
    },
    { userId: ownerId },
  );
};
