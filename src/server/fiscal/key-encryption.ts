import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "../env";
import { AppError } from "../errors/app-error";

// AFIP private keys at rest: AES-256-GCM with FISCAL_KEY_ENCRYPTION_KEY (32 bytes, base64).
// Production must set the key (the server refuses to start without it); development uses a
// random key generated once into the git-ignored .data folder (src/server/env.ts).

function key(): Buffer {
  return Buffer.from(env().FISCAL_KEY_ENCRYPTION_KEY, "base64");
}

export function encryptPrivateKey(pem: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key(), iv);
  const ct = Buffer.concat([c.update(pem, "utf8"), c.final()]);
  return ["v1", iv.toString("base64"), c.getAuthTag().toString("base64"), ct.toString("base64")].join(":");
}

export function decryptPrivateKey(blob: string): string {
  const [v, iv, tag, ct] = blob.split(":");
  if (v !== "v1" || !iv || !tag || !ct) throw new AppError("INVALID_STATE", "Clave privada almacenada en formato desconocido");
  try {
    const d = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
    d.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([d.update(Buffer.from(ct, "base64")), d.final()]).toString("utf8");
  } catch {
    throw new AppError("INVALID_STATE", "No se pudo descifrar la clave privada (¿cambió FISCAL_KEY_ENCRYPTION_KEY?)");
  }
}

/** Other short-lived AFIP credentials (WSAA token and sign) get the same protection at rest. */
export const encryptSecret = encryptPrivateKey;
export const decryptSecret = decryptPrivateKey;
