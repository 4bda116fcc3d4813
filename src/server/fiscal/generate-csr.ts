import "server-only";
import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";
import type { Tx } from "../db/client";
import { fiscalSettings } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { encryptPrivateKey } from "./key-encryption";

/** ARCA's CSR subject: C=AR, O=<legal name>, CN=<alias>, serialNumber="CUIT <11 digits>". */
export function buildCsr(opts: { cuit: string; legalName: string; alias?: string }): { csrPem: string; keyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  // ASCII-only organization (ARCA's form rejects accents in some fields); the alias is the certificate's name.
  const ascii = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "").trim().slice(0, 64) || "Mostrador";
  csr.setSubject([
    { name: "countryName", value: "AR" },
    { name: "organizationName", value: ascii(opts.legalName) },
    { name: "commonName", value: ascii(opts.alias ?? "mostrador") },
    { type: "2.5.4.5", value: `CUIT ${opts.cuit}` },
  ]);
  csr.sign(forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { csrPem: forge.pki.certificationRequestToPem(csr), keyPem };
}

/**
 * Onboarding without openssl: generate the RSA 2048 key and the CSR on the server. The key is
 * stored encrypted as "pending" (the current certificate and key keep working until the new
 * certificate is uploaded); the CSR is what the owner pastes in ARCA's "Administración de
 * certificados digitales". Generating again replaces a pending key that got no certificate.
 */
export async function generateCsr(tx: Tx, input: { alias?: string } = {}) {
  const [s] = await tx.select().from(fiscalSettings).limit(1);
  if (!s) throw new AppError("INVALID_STATE", "Primero guardá los datos fiscales (CUIT y razón social)");
  const alias = (input.alias ?? "mostrador").trim();
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(alias)) throw new AppError("VALIDATION", "El alias admite letras, números, punto, guion y guion bajo (hasta 40)");
  const { csrPem, keyPem } = buildCsr({ cuit: s.cuit, legalName: s.legalName, alias });
  const now = new Date();
  await tx.update(fiscalSettings).set({ pendingPrivateKeyEncrypted: encryptPrivateKey(keyPem), csrPem, csrCreatedAt: now, updatedAt: now });
  return { csrPem, createdAt: now.toISOString(), fileName: `mostrador-${s.cuit}.csr` };
}
