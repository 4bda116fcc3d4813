import "server-only";
import { sql } from "drizzle-orm";
import { withAnonymous, withTenant } from "../db/with-tenant";
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

/** In-memory fixed-window limiter per client key (IP). One process; enough for a kiosk screen. */
const WINDOW_MS = 60_000;
const hits = new Map<string, { start: number; count: number }>();
export function rateLimit(key: string, max = 30, now = Date.now()): boolean {
  const h = hits.get(key);
  if (!h || now - h.start >= WINDOW_MS) {
    if (hits.size > 10_000) for (const [k, v] of hits) if (now - v.start >= WINDOW_MS) hits.delete(k);
    hits.set(key, { start: now, count: 1 });
    return true;
  }
  h.count++;
  return h.count <= max;
}
