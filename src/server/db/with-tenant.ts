import { sql } from "drizzle-orm";
import { getDb, type Tx } from "./client";

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
  return getDb().transaction(
    async (tx) => {
      await tx.execute(
        sql`select set_config('app.current_tenant', ${tenantId}, true), set_config('app.current_user', ${opts.userId ?? ""}, true)`,
      );
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
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.current_user', ${userId}, true), set_config('app.current_tenant', '', true)`);
    return fn(tx);
  });
}

/** No tenant, no user: only the narrow SECURITY DEFINER lookups answer. */
export async function withAnonymous<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.current_user', '', true), set_config('app.current_tenant', '', true)`);
    return fn(tx);
  });
}
