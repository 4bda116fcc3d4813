import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { FiscalRetryableError } from "./retryable";

/**
 * Serialize issuance per ARCA series (tenant + environment + CUIT + PtoVta + CbteTipo) with a
 * lease row (fiscal_series_leases): taken by one conditional upsert, renewed while the holder
 * works, released by a delete — each its own short transaction. Nothing lives in the session,
 * so it works behind a transaction-mode pooler (PgBouncer, Supavisor), and no transaction or
 * row lock stays open across ARCA's network calls. Inngest's concurrency key already serializes
 * runs; this is the safety net (manual retries, the sweep, several app instances). A crashed
 * holder's lease expires and is taken over.
 */
export async function withSeriesLock<T>(
  tenantId: string,
  key: string,
  fn: () => Promise<T>,
  opts: { waitMs?: number; leaseMs?: number } = {},
): Promise<T> {
  const waitMs = opts.waitMs ?? 120_000;
  const leaseMs = opts.leaseMs ?? 120_000;
  const holder = randomUUID();
  const deadline = Date.now() + waitMs;
  const take = () =>
    withTenant(tenantId, async (tx) => {
      const rows = await tx.execute(sql`
        insert into fiscal_series_leases (tenant_id, series_key, holder, expires_at)
        values (${tenantId}::uuid, ${key}, ${holder}::uuid, now() + make_interval(secs => ${leaseMs / 1000}))
        on conflict (tenant_id, series_key) do update
          set holder = excluded.holder, expires_at = excluded.expires_at
          where fiscal_series_leases.expires_at < now()
        returning holder`);
      return rows.length > 0;
    });
  while (!(await take())) {
    if (Date.now() > deadline) throw new FiscalRetryableError("Otra emisión de la misma serie sigue en curso", "30s");
    await new Promise((r) => setTimeout(r, 25 + Math.random() * 75));
  }
  // Renew at a third of the lease while working (ARCA calls can take up to the timeout each).
  const renew = setInterval(() => {
    void withTenant(tenantId, (tx) =>
      tx.execute(sql`update fiscal_series_leases set expires_at = now() + make_interval(secs => ${leaseMs / 1000})
                     where series_key = ${key} and holder = ${holder}::uuid`),
    ).catch(() => undefined);
  }, Math.max(1000, leaseMs / 3));
  renew.unref();
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    await withTenant(tenantId, (tx) => tx.execute(sql`delete from fiscal_series_leases where series_key = ${key} and holder = ${holder}::uuid`));
  }
}

export const seriesKey = (s: { tenantId: string; environment: string; cuit: string; pointOfSale: number; cbteTipo: number }) =>
  `fiscal:${s.tenantId}:${s.environment}:${s.cuit}:${s.pointOfSale}:${s.cbteTipo}`;
