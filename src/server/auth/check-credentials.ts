import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { candidateFor } from "./password";

export type CheckedUser = { id: string; name: string; sessionVersion: number; disabled: boolean };

/**
 * E-mail + password checked inside the database (see candidateFor): the app never reads a
 * password hash. An unknown e-mail costs the same argon2 work as a known one (a stable fake
 * salt), so neither the answer nor its timing tells whether the e-mail has an account.
 */
export async function checkCredentials(tx: Tx, emailRaw: string, password: string): Promise<CheckedUser | null> {
  const email = emailRaw.trim().toLowerCase();
  if (email.length === 0 || email.length > 254 || password.length > 200) return null;
  const [p] = await tx.execute<{ params: string | null }>(sql`select auth_password_params(${email}) as params`);
  const candidate = p?.params ? await candidateFor(p.params, password) : null;
  if (!candidate) return null;
  const [row] = await tx.execute<{ id: string; name: string; session_version: number; disabled: boolean }>(
    sql`select id, name, session_version, disabled from auth_verify_password(${email}, ${candidate})`,
  );
  return row ? { id: row.id, name: row.name, sessionVersion: row.session_version, disabled: row.disabled } : null;
}
