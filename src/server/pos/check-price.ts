import "server-only";
import { sql } from "drizzle-orm";
import { withAnonymous, withTenant } from "../db/with-tenant";
import { getDb } from "../db/client";
import { TENANT } from "../inventory/ledger";

/**
 * The public price checker: slug + barcode in, name + price out. No session; the tenant id
 * comes from the reviewed tenant_id_by_slug lookup, then everything runs under RLS.
 * Reveals nothing but the name and price of an active product.
 */
export async function checkPrice(slug: string, barcode: string): Promise<{ name: string; price: string } | null> {
  const code = barcode.trim();
  if (!/^[0-9A-Za-z-]{1,64}$/.test(code)) return null;
  const tenantId = await resolveTenant(slug);
  if (!tenantId) return null;
  return withTenant(tenantId, async (tx) => {
    const [row] = await tx.execute<{ name: string; price: string }>(sql`
      select p.name, p.sale_price as price from products p
      where p.tenant_id = ${TENANT} and p.active
        and p.id = (select b.product_id from product_barcodes b where b.tenant_id = ${TENANT} and b.barcode = ${code})`);
    return row ?? null;
  });
}

export async function resolveTenant(slug: string): Promise<string | null> {
  if (!/^[a-z0-9-]{1,40}$/.test(slug)) return null;
  return withAnonymous(async (tx) => {
    const [row] = await tx.execute<{ id: string | null }>(sql`select tenant_id_by_slug(${slug}) as id`);
    return row?.id ?? null;
  });
}

/**
 * Fixed one-minute window per client key (the business and the client address resolved by
 * the server front), counted in PostgreSQL so every app instance shares it. One statement:
 * resets an expired window or counts, and answers whether this request is within `max`.
 */
export async function allowPriceCheck(key: string, max = 30): Promise<boolean> {
  const [row] = await getDb().execute<{ n: number }>(sql`
    insert into login_attempts as a (key, failures, window_start) values (${"price:" + key}, 1, now())
    on conflict (key) do update set
      failures = case when a.window_start < now() - interval '1 minute' then 1 else a.failures + 1 end,
      window_start = case when a.window_start < now() - interval '1 minute' then now() else a.window_start end
    returning failures as n`);
  return (row?.n ?? 0) <= max;
}
