import "server-only";
import { X509Certificate, createPrivateKey, type KeyObject } from "node:crypto";
import { z } from "zod";
import type { Tx } from "../db/client";
import { fiscalSettings } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { decryptPrivateKey, encryptPrivateKey } from "./key-encryption";

export const ZUploadCredentialsInput = z.object({
  certificatePem: z.string().min(1, "Pegá o elegí el certificado").max(20_000, "El archivo es demasiado grande para ser un certificado"),
  /** Optional: without it, the key generated here with the CSR is used. */
  privateKeyPem: z.string().min(1).max(20_000, "El archivo es demasiado grande para ser una clave").optional(),
});
export type TUploadCredentialsInput = z.infer<typeof ZUploadCredentialsInput>;

/** The CUIT in a certificate subject's serialNumber ("serialNumber=CUIT 20123456786"). */
const cuitOf = (x: X509Certificate): string | null => /serialNumber=CUIT\s*(\d{11})/i.exec(x.subject)?.[1] ?? null;
const field = (dn: string, name: string) => new RegExp(`^${name}=(.*)$`, "m").exec(dn)?.[1] ?? null;

export const ZUploadCredentialsResponse = z.object({
  subject: z.string(),
  commonName: z.string().nullable(),
  issuer: z.string(),
  cuit: z.string().nullable(),
  notBefore: z.string(),
  notAfter: z.string(),
});
export type TUploadCredentialsResponse = z.infer<typeof ZUploadCredentialsResponse>;

export function certificateInfo(pem: string) {
  const x = new X509Certificate(pem);
  return {
    subject: x.subject.split("\n").join(", "),
    commonName: field(x.subject, "CN"),
    issuer: field(x.issuer, "CN") ?? x.issuer.split("\n").join(", "),
    cuit: cuitOf(x),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
  };
}

function parseCertificate(pem: string): X509Certificate {
  if (/-----BEGIN (CERTIFICATE REQUEST|NEW CERTIFICATE REQUEST)-----/.test(pem))
    throw new AppError("VALIDATION", "Ese archivo es el pedido (CSR), no el certificado: subí el .crt/.pem que devuelve ARCA (ex AFIP)");
  if (/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(pem)) throw new AppError("VALIDATION", "Ese archivo es una clave privada, no el certificado");
  try {
    return new X509Certificate(pem);
  } catch {
    throw new AppError("VALIDATION", "El archivo no es un certificado válido (se espera un PEM que empiece con -----BEGIN CERTIFICATE-----)");
  }
}

function parseKey(pem: string): KeyObject {
  try {
    const k = createPrivateKey(pem);
    if (k.asymmetricKeyType !== "rsa") throw new Error("not rsa");
    return k;
  } catch {
    throw new AppError("VALIDATION", "La clave privada no es un PEM RSA válido (-----BEGIN PRIVATE KEY-----) o está protegida con contraseña");
  }
}

/**
 * Store the WSAA certificate ARCA issued with its private key (the one generated here with the
 * CSR, or an uploaded one), checked with node:crypto: a real X.509 certificate, not expired nor
 * not yet valid, for the configured CUIT, and matching the key. The key never leaves the server.
 */
export async function uploadCredentials(tx: Tx, raw: TUploadCredentialsInput, now = new Date()) {
  const input = ZUploadCredentialsInput.parse(raw);
  const [settings] = await tx.select().from(fiscalSettings).limit(1);
  if (!settings) throw new AppError("INVALID_STATE", "Primero guardá los datos fiscales (CUIT, razón social)");
  const certPem = input.certificatePem.trim();
  const cert = parseCertificate(certPem);
  let keyPem: string;
  let fromPending = false;
  if (input.privateKeyPem) keyPem = input.privateKeyPem.trim();
  else if (settings.pendingPrivateKeyEncrypted) {
    keyPem = decryptPrivateKey(settings.pendingPrivateKeyEncrypted);
    fromPending = true;
  } else if (settings.privateKeyEncrypted) keyPem = decryptPrivateKey(settings.privateKeyEncrypted);
  else throw new AppError("VALIDATION", "Falta la clave privada: generá el pedido (CSR) acá o subí la clave junto con el certificado");
  const key = parseKey(keyPem);
  const certCuit = cuitOf(cert);
  if (!certCuit) throw new AppError("VALIDATION", "El certificado no tiene CUIT en el sujeto (serialNumber=CUIT …): no es un certificado de ARCA (ex AFIP) para facturar");
  if (certCuit !== settings.cuit) throw new AppError("VALIDATION", `El certificado es del CUIT ${certCuit}, no del configurado (${settings.cuit})`);
  if (!cert.checkPrivateKey(key)) {
    throw new AppError(
      "VALIDATION",
      fromPending
        ? "El certificado no corresponde a la clave del último pedido (CSR) generado acá: descargá ese CSR y pedí el certificado con él"
        : "La clave privada no corresponde al certificado",
    );
  }
  const validTo = new Date(cert.validTo);
  if (validTo < now) throw new AppError("VALIDATION", `El certificado está vencido (venció el ${validTo.toLocaleDateString("es-AR", { timeZone: "America/Argentina/Buenos_Aires" })})`);
  if (new Date(cert.validFrom) > now) throw new AppError("VALIDATION", "El certificado todavía no es válido (revisá la fecha del equipo)");
  await tx.update(fiscalSettings).set({
    certificatePem: certPem,
    privateKeyEncrypted: fromPending ? settings.pendingPrivateKeyEncrypted : encryptPrivateKey(keyPem),
    ...(fromPending ? { pendingPrivateKeyEncrypted: null } : {}),
    updatedAt: new Date(),
  });
  return certificateInfo(certPem);
}
