import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";

export type PosProduct = { id: string; name: string; sku: string; sale_price: string; iva_rate: string; is_service: boolean; unit: string };

// Under RLS only leakproof operators (=) reach the indexes, so every lookup here is an
// equality on a tenant-first index: barcode, SKU, and the inventory area's name trigrams.

/** Exact barcode (then SKU) lookup for the scanner. Active products only. */
export async function findProductByCode(tx: Tx, code: string): Promise<PosProduct | null> {
  const c = code.trim();
  if (!c) return null;
  const [row] = await tx.execute<PosProduct>(sql`
    (select p.id, p.name, p.sku, p.sale_price, p.iva_rate, p.is_service, p.unit, 0 as rank from products p
     where p.tenant_id = ${TENANT} and p.active
       and p.id = (select b.product_id from product_barcodes b where b.tenant_id = ${TENANT} and b.barcode = ${c}))
    union all
    (select p.id, p.name, p.sku, p.sale_price, p.iva_rate, p.is_service, p.unit, 1 from products p
     where p.tenant_id = ${TENANT} and p.active and p.sku in (${c}, ${c.toUpperCase()}))
    order by rank limit 1`);
  if (!row) return null;
  const { rank: _rank, ...product } = row as PosProduct & { rank?: number };
  return product;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** Name search for the POS: trigram candidates, then the substring check per word. */
export async function searchProducts(tx: Tx, q: string, limit = 12): Promise<PosProduct[]> {
  const term = q.trim().toLowerCase();
  if (term.length < 2) return [];
  // Every word must appear, in any order ("yerba suave" finds "Yerba Mate Suave").
  const words = term.split(/\s+/).filter(Boolean).slice(0, 6);
  const likes = sql.join(
    words.map((w) => sql`lower(p.name) like ${"%" + likeEscape(w) + "%"}`),
    sql` and `,
  );
  const rows = await tx.execute<PosProduct>(sql`
    select p.id, p.name, p.sku, p.sale_price, p.iva_rate, p.is_service, p.unit from products p
    where p.tenant_id = ${TENANT} and p.active and (
      p.id in (
        select t.product_id from product_name_trigrams t
        where t.tenant_id = ${TENANT} and t.trigram = any(name_trigrams(${term}))
        group by t.product_id having count(*) = cardinality(name_trigrams(${term})))
      and ${likes}
      or cardinality(name_trigrams(${term})) = 0 and ${likes})
    order by p.name
    limit ${limit}`);
  return [...rows];
}
