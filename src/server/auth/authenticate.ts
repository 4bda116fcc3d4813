import "server-only";
import { withAnonymous } from "../db/with-tenant";
import { checkCredentials } from "./check-credentials";
import { clearFailures, isThrottled, recordFailure, throttleKeys } from "./throttle";

export type AuthResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: "INVALID" | "RATE_LIMITED" };

/** Checks e-mail + password inside the database, throttled per account and per client IP. */
export async function authenticate(emailRaw: string, password: string, ip: string): Promise<AuthResult> {
  const email = emailRaw.trim().toLowerCase();
  const keys = throttleKeys(email, ip);
  if (await isThrottled(keys)) return { ok: false, reason: "RATE_LIMITED" };
  const user = await withAnonymous((tx) => checkCredentials(tx, email, password));
  if (!user || user.disabled) {
    await recordFailure(keys);
    return { ok: false, reason: "INVALID" };
  }
  await clearFailures([keys[0]!]);
  return { ok: true, user: { id: user.id, name: user.name, email, sessionVersion: user.sessionVersion } };
}
