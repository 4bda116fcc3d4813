import "server-only";
import { eq, sql } from "drizzle-orm";
import { withUser } from "../db/with-tenant";
import { users } from "../db/schema/tenancy";

export type SessionUser = { id: string; name: string; email: string };

/**
 * Resolves the JWT's user on every request: a disabled user or a bumped session version
 * (password change, forced sign-out) invalidates old sessions at once.
 */
export async function loadSessionUser(userId: string, sessionVersion: number, sessionId?: string | null): Promise<SessionUser | null> {
  const [u] = await withUser(userId, (tx) =>
    tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        sv: users.sessionVersion,
        disabled: users.disabled,
        revoked: sql<boolean>`exists(select 1 from revoked_sessions r where r.jti = ${sessionId ?? ""})`,
      })
      .from(users)
      .where(eq(users.id, userId)),
  );
  if (!u || u.disabled || u.revoked || u.sv !== sessionVersion) return null;
  return { id: u.id, name: u.name, email: u.email };
}
