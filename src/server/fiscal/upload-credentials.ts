import "server-only";
import forge from "node-forge";
import { z } from "zod";
import type { Tx } from "../db/client";
import { fiscalSettings } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { cuitFromCertificate } from "../afip/cms";
import { encryptPrivateKey } from "./key-encryption";

export const ZUploadCredentialsInput = z.object({
  certificatePem: z.string().min(100).max(20_000),
  privateKeyPem: z.string().min(100).max(20_000),
});
export type TUploadCredentialsInput = z.infer<typeof ZUploadCredentialsInput>;

export function certificateInfo(pem: string) {
  const cert = forge.pki.certificateFromPem(pem);
  return {
    subject: cert.subject.attributes.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`).join(", "),
    cuit: cuitFromCertificate(cert) ?? null,
    notBefore: cert.validity.notBefore.toISOString(),
    notAfter: cert.validity.notAfter.toISOString(),
  };
}

/**
 * Store the WSAA certificate and its private key (encrypted at rest). The key must match the
 * certificate and the certificate must be for the configured CUIT. The key never leaves the server.
 */
export async function uploadCredentials(tx: Tx, raw: TUploadCredentialsInput) {
  const input = ZUploadCredentialsInput.parse(raw);
  const [settings] = await tx.select().from(fiscalSettings).limit(1);
  if (!settings) throw new AppError("INVALID_STATE", "Primero guardá los datos fiscales (CUIT, razón social)");
  let cert: forge.pki.Certificate;
  let key: forge.pki.rsa.PrivateKey;
  try {
    cert = forge.pki.certificateFromPem(input.certificatePem.trim());
  } catch {
    throw new AppError("VALIDATION", "El certificado no es un PEM válido (-----BEGIN CERTIFICATE-----)");
  }
  try {
    key = forge.pki.privateKeyFromPem(input.privateKeyPem.trim()) as forge.pki.rsa.PrivateKey;
  } catch {
    throw new AppError("VALIDATION", "La clave privada no es un PEM RSA válido (-----BEGIN PRIVATE KEY-----)");
  }
  const pub = cert.publicKey as forge.pki.rsa.PublicKey;
  if (pub.n.compareTo(key.n) !== 0) throw new AppError("VALIDATION", "La clave privada no corresponde al certificado");
  const certCuit = cuitFromCertificate(cert);
  if (certCuit && certCuit !== settings.cuit) {
    throw new AppError("VALIDATION", `El certificado es del CUIT ${certCuit}, no del configurado (${settings.cuit})`);
  }
  if (cert.validity.notAfter < new Date()) throw new AppError("VALIDATION", "El certificado está vencido");
  await tx
    .update(fiscalSettings)
    .set({ certificatePem: input.certificatePem.trim(), privateKeyEncrypted: encryptPrivateKey(input.privateKeyPem.trim()), updatedAt: new Date() });
  return certificateInfo(input.certificatePem.trim());
}
