import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

// next-auth v4 derives the session cookie's encryption key from the secret with HKDF on every
// decode (an async thread-pool job per request). The key only depends on the secret and salt,
// so it is derived once and kept; the cookie format is next-auth's own (JWE, dir + A256GCM).
const keys = new Map<string, KeyObject>();

function encryptionKey(secret: string | Buffer, salt: string): KeyObject {
  const id = `${typeof secret === "string" ? `s:${secret}` : `b:${secret.toString("hex")}`}\u0000${salt}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = createSecretKey(Buffer.from(hkdfSync("sha256", secret, salt, info, 32)));
    if (keys.size >= 8) keys.clear(); // one secret in practice; a rotation adds a second
    keys.set(id, key);
  }
  return key;
}

/**
 * Drop-in for next-auth's `decode` (same key, same 15 s clock tolerance, throws on a bad
 * token), restricted to the one algorithm pair next-auth writes.
 */
export async function decodeSessionJwt({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), {
    clockTolerance: 15,
    keyManagementAlgorithms: ["dir"],
    contentEncryptionAlgorithms: ["A256GCM"],
  });
  return payload as JWT;
}
