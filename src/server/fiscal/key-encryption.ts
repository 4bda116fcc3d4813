import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { AppError } from "../errors/app-error";
import { runtimeEnv } from "../env";

// AFIP private keys at rest: AES-256-GCM with FISCAL_KEY_ENCRYPTION_KEY (32 bytes, base64).
// Outside production a fixed, clearly dev-only key is derived so `npm run dev` works unconfigured.

const DEV_KEY_SEED = "mostrador-dev-only-fiscal-key-never-use-in-production";

function key(): Buffer {
  const raw = runtimeEnv().FISCAL_KEY_ENCRYPTION_KEY;
  if (raw) {
    const k = Buffer.from(raw, "base64");
    if (k.length !== 32) throw new AppError("VALIDATION", "FISCAL_KEY_ENCRYPTION_KEY debe ser de 32 bytes en base64");
    return k;
  }
  if (runtimeEnv().NODE_ENV === "production") {
    throw new AppError("INVALID_STATE", "Falta FISCAL_KEY_ENCRYPTION_KEY: no se pueden guardar claves privadas en producción");
  }
  return createHash("sha256").update(DEV_KEY_SEED).digest();
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
