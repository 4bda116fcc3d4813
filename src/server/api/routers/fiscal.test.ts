import { describe, expect, it } from "vitest";
import { callerFor } from "@/test/caller";
import { addMember, adminSql, makeTenant } from "@/test/factories";
import { createTestCa, issueTestCertificate } from "@/server/afip/fake/certs";
import { consumerSale, randomCuit, requestDoc } from "@/test/fiscal";
import { decryptPrivateKey } from "@/server/fiscal/key-encryption";

const ca = createTestCa();

describe("fiscal router", () => {
  it("OWNER configures CUIT and credentials; the private key is stored encrypted and never returned", async () => {
    const t = await makeTenant();
    const owner = callerFor(t.ownerId, t.slug);
    await expect(owner.fiscal.saveSettings({ cuit: "20-11111111-3", legalName: "X", ivaCondition: "MONOTRIBUTO", environment: "FAKE" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const cuit = randomCuit();
    await owner.fiscal.saveSettings({ cuit, legalName: "Kiosco SRL", ivaCondition: "RESPONSABLE_INSCRIPTO", environment: "FAKE" });
    const cert = issueTestCertificate(ca, { cuit });
    const other = issueTestCertificate(ca, { cuit });
    await expect(owner.fiscal.uploadCredentials({ certificatePem: cert.certPem, privateKeyPem: other.keyPem })).rejects.toMatchObject({
      message: "La clave privada no corresponde al certificado",
    });
    const wrongCuit = issueTestCertificate(ca, { cuit: randomCuit() });
    await expect(owner.fiscal.uploadCredentials({ certificatePem: wrongCuit.certPem, privateKeyPem: wrongCuit.keyPem })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const info = await owner.fiscal.uploadCredentials({ certificatePem: cert.certPem, privateKeyPem: cert.keyPem });
    expect(info.cuit).toBe(cuit);
    const got = await owner.fiscal.settings();
    expect(got.settings).toMatchObject({ cuit, hasPrivateKey: true, certificate: { cuit } });
    expect(JSON.stringify(got)).not.toContain("PRIVATE KEY");
    const admin = adminSql();
    const [row] = await admin<{ private_key_encrypted: string }[]>`select private_key_encrypted from fiscal_settings where tenant_id = ${t.tenantId}`;
    await admin.end();
    expect(row!.private_key_encrypted).not.toContain("PRIVATE KEY");
    expect(decryptPrivateKey(row!.private_key_encrypted)).toBe(cert.keyPem.trim());
  });

  it("tests the connection: FEDummy and a WSAA ticket with the uploaded certificate", async () => {
    const { startFakeAfip } = await import("@/server/afip/fake/server");
    const fake = await startFakeAfip({ ca });
    process.env.FAKE_AFIP_URL = fake.url;
    try {
      const t = await makeTenant();
      const owner = callerFor(t.ownerId, t.slug);
      const cuit = randomCuit();
      await owner.fiscal.saveSettings({ cuit, legalName: "Kiosco SRL", ivaCondition: "MONOTRIBUTO", environment: "FAKE" });
      const before = await owner.fiscal.checkConnection();
      expect(before.wsfe.ok).toBe(true);
      expect(before.wsaa).toMatchObject({ ok: false, detail: expect.stringContaining("certificado") });
      const cert = issueTestCertificate(ca, { cuit });
      await owner.fiscal.uploadCredentials({ certificatePem: cert.certPem, privateKeyPem: cert.keyPem });
      expect((await owner.fiscal.checkConnection()).wsaa.ok).toBe(true);
      // A second check reuses the cached ticket (AFIP would refuse a second login).
      expect((await owner.fiscal.checkConnection()).wsaa.ok).toBe(true);
      expect(fake.calls.loginCms).toBe(1);
    } finally {
      delete process.env.FAKE_AFIP_URL;
      await fake.close();
    }
  });

  it("cashiers neither list documents nor change settings (SPEC §2, issue 11); supervisors list and retry", async () => {
    const t = await makeTenant();
    const cashier = await addMember(t.tenantId, "CASHIER");
    const supervisor = await addMember(t.tenantId, "SUPERVISOR");
    const c = callerFor(cashier.userId, t.slug);
    await expect(c.fiscal.settings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.fiscal.saveSettings({ cuit: randomCuit(), legalName: "X", ivaCondition: "EXENTO", environment: "FAKE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const id = await requestDoc(t.tenantId, consumerSale());
    await expect(c.fiscal.documents({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A document of a sale that is not from the cashier's own session looks missing to them.
    await expect(c.fiscal.document({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await callerFor(supervisor.userId, t.slug).fiscal.documents({});
    expect(list.rows.map((r) => r.id)).toEqual([id]);
    expect(list.rows[0]!.status).toBe("PENDING");
    await expect(c.fiscal.retry({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const s = callerFor(supervisor.userId, t.slug);
    const admin = adminSql();
    await admin`update fiscal_documents set status = 'ERROR', last_error = 'x' where id = ${id}`;
    await admin.end();
    await s.fiscal.retry({ id });
    expect((await s.fiscal.document({ id })).document.status).toBe("PENDING");
    // Another tenant cannot see it.
    const other = await makeTenant();
    await expect(callerFor(other.ownerId, other.slug).fiscal.document({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
