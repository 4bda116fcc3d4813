import { sql } from "drizzle-orm";
import { getDb, type Tx } from "./client";
import { retryTransient, sqlState } from "./retry";
import { log } from "../log";
import { inSpan } from "../telemetry/tracing";
import { pipeline, send } from "./prepared";

/**
 * Every door runs its transaction through this: a deadlock or serialization failure reruns
 * the whole callback in a fresh transaction (bounded; see retry.ts), so callbacks must not
 * keep side effects outside the database between attempts.
 */
function transaction<T>(
  door: string,
  fn: (tx: Tx) => Promise<T>,
  config?: Parameters<ReturnType<typeof getDb>["transaction"]>[1],
): Promise<T> {
  return retryTransient((attempt) => inSpan(`db.transaction ${door}`, { "db.system": "postgresql", "mostrador.attempt": attempt }, () => getDb().transaction(fn, config)), {
    onRetry: (attempt, e) => log.warn({ door, attempt, sqlState: sqlState(e) }, "transaction retried after a transient conflict"),
  });
}

/**
 * The one door to tenant data: one transaction that first sets app.current_tenant (and
 * app.current_user) with set_config(..., true), so the settings die with the transaction
 * and a pooled connection never carries a tenant into the next one. RLS does the rest.
 */
export async function withTenant<T>(
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
  opts: { userId?: string | null; isolation?: "read committed" | "repeatable read" | "serializable" } = {},
): Promise<T> {
  return transaction(
    "withTenant",
    async (tx) => {
      // Prepared (one round trip, not Drizzle's describe-then-execute two): every request pays it.
      await send(tx, sql`select set_config('app.current_tenant', ${tenantId}, true), set_config('app.current_user', ${opts.userId ?? ""}, true)`);
      return fn(tx);
    },
    opts.isolation ? { isolationLevel: opts.isolation } : undefined,
  );
}

/**
 * A transaction that knows only the signed-in user: enough to read their own row, their
 * memberships and those businesses (sign-in, "my businesses"), nothing of any tenant's data.
 */
export async function withUser<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction("withUser", async (tx) => {
    await tx.execute(sql`select set_config('app.current_user', ${userId}, true), set_config('app.current_tenant', '', true)`);
    return fn(tx);
  });
}

/** No tenant, no user: only the narrow SECURITY DEFINER lookups answer. */
export async function withAnonymous<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction("withAnonymous", async (tx) => {
    await tx.execute(sql`select set_config('app.current_user', '', true), set_config('app.current_tenant', '', true)`);
    return fn(tx);
  });
}

export type Membership = {
  tenant: { id: string; slug: string; name: string; kind: string; settings: Record<string, unknown> };
  role: import("../auth/permissions").Role;
};

/**
 * The request door used by tRPC: one transaction that sets the user, resolves the tenant
 * by slug and the user's membership (both visible to the user through RLS), then sets the
 * tenant. No membership → `fn` never runs and null comes back.
 */
export async function withMembership<T>(
  userId: string,
  tenantSlug: string,
  fn: (tx: Tx, membership: Membership) => Promise<T>,
): Promise<{ found: false } | { found: true; value: T }> {
  return transaction("withMembership", async (tx) => {
    await tx.execute(sql`select set_config('app.current_user', ${userId}, true), set_config('app.current_tenant', '', true)`);
    const rows = await tx.execute<{ id: string; slug: string; name: string; kind: string; settings: Record<string, unknown>; role: Membership["role"] }>(sql`
      select t.id, t.slug, t.name, t.kind, t.settings, m.role
      from tenants t join memberships m on m.tenant_id = t.id and m.user_id = ${userId} and not m.disabled
      where t.slug = ${tenantSlug}`);
    const row = rows[0];
    if (!row) return { found: false as const };
    await tx.execute(sql`select set_config('app.current_tenant', ${row.id}, true)`);
    const value = await fn(tx, { tenant: { id: row.id, slug: row.slug, name: row.name, kind: row.kind, settings: row.settings }, role: row.role });
    return { found: true as const, value };
  });
}

type SessionRow = {
  user_id: string;
  user_name: string;
  email: string;
  session_version: number;
  disabled: boolean;
  tenant_id: string | null;
  slug: string | null;
  tenant_name: string | null;
  kind: string | null;
  settings: Record<string, unknown> | null;
  role: Membership["role"] | null;
  revoked: boolean;
};

export type SessionCheck<T> =
  | { status: "UNAUTHENTICATED" }
  | { status: "NO_MEMBERSHIP" }
  | { status: "OK"; user: { id: string; name: string; email: string }; membership: Membership; value: T };

/**
 * The tRPC door for tenant procedures, in ONE transaction: checks the session's user (not
 * disabled, same session version), resolves the tenant by slug and the membership, sets the
 * tenant, then runs `fn`. Saves the separate user-check transaction on every request.
 */
export async function withSessionMembership<T>(
  session: { userId: string; sessionVersion: number; sessionId?: string | null },
  tenantSlug: string,
  fn: (tx: Tx, user: { id: string; name: string; email: string }, membership: Membership) => Promise<T>,
): Promise<SessionCheck<T>> {
  // A token's version that no integer column could hold can never match (and must not reach SQL as one).
  if (!Number.isSafeInteger(session.sessionVersion) || Math.abs(session.sessionVersion) > 2 ** 31 - 1) return { status: "UNAUTHENTICATED" };
  return transaction("withSessionMembership", async (tx) => {
    // ONE round trip (pipelined, prepared): set the user, read user + membership, and set the
    // tenant — the third statement finds the same tenant under the same conditions the checks
    // below apply, so the tenant is set only for a valid session and membership (and `fn` runs
    // only after those checks pass in any case).
    const sid = session.sessionId ?? "";
    const [, rows] = await pipeline<[unknown[], SessionRow[], unknown[]]>(tx, [
      sql`select set_config('app.current_user', ${session.userId}, true), set_config('app.current_tenant', '', true)`,
      sql`
      select u.id as user_id, u.name as user_name, u.email, u.session_version, u.disabled,
             exists(select 1 from revoked_sessions r where r.jti = ${sid}) as revoked,
             t.id as tenant_id, t.slug, t.name as tenant_name, t.kind, t.settings, m.role
      from users u
      left join (memberships m join tenants t on t.id = m.tenant_id and t.slug = ${tenantSlug} and not m.disabled)
        on m.user_id = u.id
      where u.id = ${session.userId}`,
      sql`
      select set_config('app.current_tenant', coalesce((
        select t.id::text
        from users u
        join memberships m on m.user_id = u.id and not m.disabled
        join tenants t on t.id = m.tenant_id and t.slug = ${tenantSlug}
        where u.id = ${session.userId} and not u.disabled and u.session_version = ${session.sessionVersion}::int
          and not exists(select 1 from revoked_sessions r where r.jti = ${sid})), ''), true)`,
    ]);
    const row = rows[0];
    // A signed-out session (its id revoked) is refused like a stale version.
    if (!row || row.disabled || row.revoked || row.session_version !== session.sessionVersion) return { status: "UNAUTHENTICATED" as const };
    if (!row.tenant_id || !row.role) return { status: "NO_MEMBERSHIP" as const };
    const user = { id: row.user_id, name: row.user_name, email: row.email };
    const membership: Membership = {
      tenant: { id: row.tenant_id, slug: row.slug!, name: row.tenant_name!, kind: row.kind!, settings: row.settings ?? {} },
      role: row.role,
    };
    const value = await fn(tx, user, membership);
    return { status: "OK" as const, user, membership, value };
  });
}
