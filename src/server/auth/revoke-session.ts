import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../db/client";

/**
 * Ends one signed-in session: its id (the JWT's `sid`) goes on the revoked list until the
 * token would have expired anyway; every request door refuses it (with-tenant.ts,
 * session-user.ts). Old entries are swept on the way.
 */
export async function revokeSession(token: { uid?: unknown; sid?: unknown; exp?: unknown }) {
  if (typeof token.sid !== "string" || typeof token.uid !== "string") return;
  const expires = typeof token.exp === "number" ? new Date(token.exp * 1000) : new Date(Date.now() + 8 * 3600_000);
  await getDb().execute(sql`
    with gone as (delete from revoked_sessions where expires_at < now() - interval '1 day')
    insert into revoked_sessions (jti, user_id, expires_at) values (${token.sid}, ${token.uid}, ${expires.toISOString()}::timestamptz)
    on conflict (jti) do nothing`);
}
