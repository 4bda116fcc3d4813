import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

// Test PKI for the fake AFIP: a CA standing in for AFIP's "Computadores" CA, and WSAA
// certificates for a CUIT (subject serialNumber "CUIT <n>", as AFIP issues them).

export type Pem = { certPem: string; keyPem: string };

function rsaKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return {
    keyPem,
    privateKey: forge.pki.privateKeyFromPem(keyPem),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString()),
  };
}

const serial = () => `01${randomBytes(8).toString("hex")}`;

export function createTestCa(name = "Mostrador Fake AFIP CA"): Pem {
  const kp = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = kp.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const attrs = [{ name: "commonName", value: name }, { name: "organizationName", value: "Mostrador (pruebas)" }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([{ name: "basicConstraints", cA: true }, { name: "keyUsage", keyCertSign: true, cRLSign: true }]);
  cert.sign(kp.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: kp.keyPem };
}

export function issueTestCertificate(ca: Pem, opts: { cuit: string; commonName?: string; validDays?: number }): Pem {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const kp = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = kp.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 3600_000);
  cert.validity.notAfter = new Date(Date.now() + (opts.validDays ?? 730) * 24 * 3600_000);
  cert.setSubject([
    { name: "commonName", value: opts.commonName ?? "mostrador" },
    { type: "2.5.4.5", value: `CUIT ${opts.cuit}` },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: kp.keyPem };
}

/** The test CA signs a CSR as ARCA would: the CSR's subject and public key, the CA as issuer. */
export function signCsr(ca: Pem, csrPem: string, opts: { validDays?: number; notBefore?: Date } = {}): string {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const csr = forge.pki.certificationRequestFromPem(csrPem);
  if (!csr.verify()) throw new Error("CSR signature invalid");
  const cert = forge.pki.createCertificate();
  cert.publicKey = csr.publicKey!;
  cert.serialNumber = serial();
  const from = opts.notBefore ?? new Date(Date.now() - 3600_000);
  cert.validity.notBefore = from;
  cert.validity.notAfter = new Date(from.getTime() + (opts.validDays ?? 730) * 24 * 3600_000);
  cert.setSubject(csr.subject.attributes);
  cert.setIssuer(caCert.subject.attributes);
  cert.sign(caKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}
