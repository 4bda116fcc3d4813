import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

export type PosProduct = { id: string; name: string; sku: string; sale_price: string; iva_rate: string; is_service: boolean; unit: string };

/** Exact barcode (or SKU) lookup for the scanner. Active products only. */
export async function findProductByCode(tx: Tx, code: string): Promise<PosProduct | null> {
  const c = code.trim();
  if (!c) return null;
  const [row] = await tx.execute<PosProduct>(sql`
    select p.id, p.name, p.sku, p.sale_price, p.iva_rate, p.is_service, p.unit from products p
    where p.active and (p.id in (select b.product_id from product_barcodes b where b.barcode = ${c}) or p.sku = ${c})
    limit 1`);
  return row ?? null;
}

/** Name search for the POS (trigram index on products.name). */
export async function searchProducts(tx: Tx, q: string, limit = 12): Promise<PosProduct[]> {
  const term = q.trim();
  if (term.length < 2) return [];
  const rows = await tx.execute<PosProduct>(sql`
    select p.id, p.name, p.sku, p.sale_price, p.iva_rate, p.is_service, p.unit from products p
    where p.active and (p.name ilike ${"%" + term + "%"} or p.sku ilike ${term + "%"})
    order by similarity(p.name, ${term}) desc, p.name
    limit ${limit}`);
  return [...rows];
}
