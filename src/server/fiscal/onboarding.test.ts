import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import forge from "node-forge";
import { eq } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalSettings } from "../db/schema/fiscal";
import { notifications } from "../db/schema/notifications";
import { createTestCa, issueTestCertificate, signCsr } from "../afip/fake/certs";
import { startFakeAfip, type FakeAfip } from "../afip/fake/server";
import { makeTenant } from "@/test/factories";
import { randomCuit } from "@/test/fiscal";
import { saveFiscalSettings } from "./save-fiscal-settings";
import { generateCsr } from "./generate-csr";
import { uploadCredentials } from "./upload-credentials";
import { checkConnection } from "./check-connection";
import { alertExpiringCertificate } from "./certificate-alerts";

// A generated CA stands in for ARCA's "Computadores" CA.
const ca = createTestCa("ARCA de prueba");
let fake: FakeAfip;
beforeAll(async () => {
  fake = await startFakeAfip({ ca });
  process.env.FAKE_AFIP_URL = fake.url;
  process.env.AFIP_TIMEOUT_MS = "10000";
});
afterAll(async () => {
  await fake.close();
});

async function business() {
  const t = await makeTenant("Almacén Doña Tía");
  const cuit = randomCuit("30");
  await withTenant(t.tenantId, (tx) => saveFiscalSettings(tx, { cuit, legalName: "Almacén Doña Tía SRL", ivaCondition: "RESPONSABLE_INSCRIPTO", environment: "FAKE" }));
  return { ...t, cuit };
}
const upload = (tenantId: string, certificatePem: string, privateKeyPem?: string) =>
  withTenant(tenantId, (tx) => uploadCredentials(tx, { certificatePem, privateKeyPem })).catch((e: Error) => e);

describe("onboarding without openssl", () => {
  it("generates key + CSR with ARCA's subject, accepts the certificate the CA signs from it, and the connection works", async () => {
    const t = await business();
    const { csrPem } = await withTenant(t.tenantId, (tx) => generateCsr(tx, { alias: "caja-mostrador" }));
    const csr = forge.pki.certificationRequestFromPem(csrPem);
    expect(csr.verify()).toBe(true);
    expect((csr.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(2048);
    const subject = Object.fromEntries(csr.subject.attributes.map((a) => [a.shortName ?? a.type, a.value]));
    expect(subject).toEqual({ C: "AR", O: "Almacen Dona Tia SRL", CN: "caja-mostrador", "2.5.4.5": `CUIT ${t.cuit}` });
    const [stored] = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalSettings));
    expect(stored!.pendingPrivateKeyEncrypted).toMatch(/^v1:/); // encrypted at rest, never the PEM
    expect(stored!.csrPem).toBe(csrPem);

    const certPem = signCsr(ca, csrPem);
    const info = await withTenant(t.tenantId, (tx) => uploadCredentials(tx, { certificatePem: certPem }));
    expect(info).toMatchObject({ cuit: t.cuit, commonName: "caja-mostrador", issuer: "ARCA de prueba" });
    expect(info.notAfter).toBe(new Date(new X509Certificate(certPem).validTo).toISOString());
    const [after] = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalSettings));
    expect(after).toMatchObject({ certificatePem: certPem.trim(), pendingPrivateKeyEncrypted: null });
    expect(after!.privateKeyEncrypted).toBe(stored!.pendingPrivateKeyEncrypted);

    const check = await withTenant(t.tenantId, (tx) => checkConnection(tx, t.tenantId));
    expect(check).toMatchObject({ wsfe: { ok: true }, wsaa: { ok: true } });
  });

  it("refuses, with a clear Spanish message and no change, a mismatching, foreign, expired or wrong file", async () => {
    const t = await business();
    const { csrPem } = await withTenant(t.tenantId, (tx) => generateCsr(tx));
    // A certificate for the same CUIT but another key (e.g. from an older CSR).
    const other = issueTestCertificate(ca, { cuit: t.cuit });
    expect(await upload(t.tenantId, other.certPem)).toMatchObject({ message: expect.stringMatching(/no corresponde a la clave del último pedido \(CSR\)/) });
    expect(await upload(t.tenantId, other.certPem, issueTestCertificate(ca, { cuit: t.cuit }).keyPem)).toMatchObject({ message: "La clave privada no corresponde al certificado" });
    expect(await upload(t.tenantId, issueTestCertificate(ca, { cuit: randomCuit("20") }).certPem)).toMatchObject({ message: expect.stringMatching(/^El certificado es del CUIT \d{11}, no del configurado/) });
    const expired = signCsr(ca, csrPem, { notBefore: new Date(Date.now() - 800 * 86_400_000), validDays: 730 });
    expect(await upload(t.tenantId, expired)).toMatchObject({ message: expect.stringMatching(/^El certificado está vencido/) });
    expect(await upload(t.tenantId, csrPem)).toMatchObject({ message: expect.stringMatching(/es el pedido \(CSR\), no el certificado/) });
    expect(await upload(t.tenantId, "hola")).toMatchObject({ message: expect.stringMatching(/no es un certificado válido/) });
    const [s] = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalSettings));
    expect(s!.certificatePem).toBeNull();
    expect(s!.pendingPrivateKeyEncrypted).toMatch(/^v1:/);
  });

  it("a certificate expiring within 30 days raises one notification per day", async () => {
    const t = await business();
    const { csrPem } = await withTenant(t.tenantId, (tx) => generateCsr(tx));
    await withTenant(t.tenantId, (tx) => uploadCredentials(tx, { certificatePem: signCsr(ca, csrPem, { validDays: 20 }) }));
    expect(await withTenant(t.tenantId, (tx) => alertExpiringCertificate(tx))).toBe(1);
    expect(await withTenant(t.tenantId, (tx) => alertExpiringCertificate(tx))).toBe(0);
    const [n] = await withTenant(t.tenantId, (tx) => tx.select().from(notifications).where(eq(notifications.kind, "FISCAL_CERT_EXPIRING")));
    expect(n!.title).toMatch(/^El certificado de ARCA \(ex AFIP\) vence en 1[89] días$/);
  });
});
