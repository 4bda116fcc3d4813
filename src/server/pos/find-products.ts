import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";
import { hasTrigram, rarestTrigram } from "../db/name-search";
import { productNameSearch } from "../db/schema/search";

export const ZPosProduct = z.object({ id: z.uuid(), name: z.string(), sku: z.string(), salePrice: z.string(), ivaRate: z.string(), isService: z.boolean(), unit: z.string() });
export type PosProduct = z.infer<typeof ZPosProduct>;
export const ZFindProductByCodeResponse = ZPosProduct.nullable();
export const ZSearchProductsResponse = z.array(ZPosProduct);

/** The columns a POS lookup answers, aliased to the response's names. */
const POS_COLUMNS = sql`p.id, p.name, p.sku, p.sale_price as "salePrice", p.iva_rate as "ivaRate", p.is_service as "isService", p.unit`;

// Under RLS only leakproof operators (=) reach the indexes, so every lookup here is an
// equality on a tenant-first index: barcode, SKU, and the inventory area's name trigrams.

/** Exact barcode (then SKU) lookup for the scanner. Active products only. */
export async function findProductByCode(tx: Tx, code: string): Promise<PosProduct | null> {
  const c = code.trim();
  if (!c) return null;
  const [row] = await tx.execute<PosProduct>(sql`
    (select ${POS_COLUMNS}, 0 as rank from products p
     where p.tenant_id = ${TENANT} and p.active
       and p.id = (select b.product_id from product_barcodes b where b.tenant_id = ${TENANT} and b.barcode = ${c}))
    union all
    (select ${POS_COLUMNS}, 1 from products p
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
  if (hasTrigram(term)) {
    // The rarest trigram's slice of the covering name index, in name order: stops after
    // `limit` matches without reading product rows (fast under RLS; see schema/search.ts).
    const keyLikes = sql.join(
      words.map((w) => sql`s.name_key like ${"%" + likeEscape(w) + "%"}`),
      sql` and `,
    );
    const rows = await tx.execute<PosProduct>(sql`
      select ${POS_COLUMNS}
      from (select s.product_id, s.name_key from product_name_search s
            where s.tenant_id = ${TENANT} and s.trigram = ${rarestTrigram(productNameSearch, term)} and ${keyLikes}
            order by s.name_key, s.product_id limit ${limit}) m
      join products p on p.tenant_id = ${TENANT} and p.id = m.product_id
      order by m.name_key, p.id`);
    return [...rows];
  }
  const rows = await tx.execute<PosProduct>(sql`
    select ${POS_COLUMNS} from products p
    where p.tenant_id = ${TENANT} and p.active and ${likes}
    order by p.name
    limit ${limit}`);
  return [...rows];
}
