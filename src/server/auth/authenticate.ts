import "server-only";
import { sql } from "drizzle-orm";
import { withAnonymous } from "../db/with-tenant";
import { dummyHash, verifyPassword } from "./password";
import { clearFailures, isLocked, recordFailure } from "./throttle";

export type AuthResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: "INVALID" | "RATE_LIMITED" };

/** Checks e-mail + password through the reviewed login lookup, with throttling per account and IP. */
export async function authenticate(emailRaw: string, password: string, ip: string): Promise<AuthResult> {
  const email = emailRaw.trim().toLowerCase();
  const keys = [`email:${email}`, `ip:${ip}`];
  if (await isLocked(keys)) return { ok: false, reason: "RATE_LIMITED" };
  const rows = await withAnonymous((tx) =>
    tx.execute<{ id: string; name: string; password_hash: string; session_version: number; disabled: boolean }>(
      sql`select * from auth_user_by_email(${email})`,
    ),
  );
  const row = rows[0];
  const valid = await verifyPassword(row?.password_hash ?? (await dummyHash()), password);
  if (!row || !valid || row.disabled) {
    await recordFailure(keys);
    return { ok: false, reason: "INVALID" };
  }
  await clearFailures(`email:${email}`);
  return { ok: true, user: { id: row.id, name: row.name, email, sessionVersion: row.session_version } };
}
