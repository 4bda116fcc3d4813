import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { CatalogDelta, CatalogProduct, PackRule } from "../../pos/types";

// Products changed since a cursor, for the registers' local catalog. The cursor is the
// keyset (updated_at in epoch microseconds, id) of the last row sent; updated_at is bumped
// on every product or barcode change by drizzle/sql/500_offline.sql. Deactivated products
// come through like any change (active=false), so registers stop selling them.

/** A row stamped less than this long ago may belong to a transaction that has not committed
 *  yet: the last page's cursor never goes past now − this, so such rows are sent again next
 *  time instead of being skipped (upserts are idempotent on the register). */
const HORIZON_SECONDS = 60;
const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

export const ZCatalogDeltaInput = z.object({
  cursor: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});
export type TCatalogDeltaInput = z.input<typeof ZCatalogDeltaInput>;

type Cursor = { micros: bigint; id: string };

function parseCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const m = /^(\d{1,20}):([0-9a-f-]{36})$/i.exec(raw);
  if (!m) throw new AppError("VALIDATION", "El cursor del catálogo no es válido; se descargará completo", { cursor: raw });
  return { micros: BigInt(m[1]!), id: m[2]! };
}

const formatCursor = (c: Cursor) => `${c.micros}:${c.id}`;

type Row = {
  id: string;
  sku: string;
  name: string;
  unit: string;
  sale_price: string;
  iva_rate: string;
  is_service: boolean;
  active: boolean;
  updated_at: string;
  micros: string;
  barcodes: string[] | null;
};

export async function getCatalogDelta(tx: Tx, rawInput: TCatalogDeltaInput): Promise<CatalogDelta> {
  const input = ZCatalogDeltaInput.parse(rawInput);
  const cursor = parseCursor(input.cursor);
  const after = cursor
    ? sql`and (p.updated_at, p.id) > ('epoch'::timestamptz + ${cursor.micros.toString()}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`
    : sql``;
  const rows = (await tx.execute(sql`
    select p.id, p.sku, p.name, p.unit, p.sale_price::text as sale_price, p.iva_rate::text as iva_rate,
           p.is_service, p.active,
           to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as updated_at,
           ((extract(epoch from p.updated_at) * 1000000)::numeric(30,0))::text as micros,
           (select array_agg(b.barcode order by b.barcode) from product_barcodes b
             where b.tenant_id = p.tenant_id and b.product_id = p.id) as barcodes
      from products p
     where true ${after}
     order by p.updated_at, p.id
     limit ${input.limit + 1}
  `)) as unknown as Row[];

  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const products: CatalogProduct[] = page.map((r) => ({
    id: r.id,
    sku: r.sku,
    name: r.name,
    barcodes: r.barcodes ?? [],
    salePrice: r.sale_price,
    ivaRate: r.iva_rate,
    unit: r.unit,
    isService: r.is_service,
    active: r.active,
    updatedAt: r.updated_at,
  }));

  const last = page[page.length - 1];
  if (hasMore) return { products, cursor: formatCursor({ micros: BigInt(last!.micros), id: last!.id }), hasMore };

  // Last page: stop at the horizon, and send the (small) full set of pack rules.
  let next = input.cursor ?? "";
  if (last) {
    const [{ horizon }] = (await tx.execute(
      sql`select ((extract(epoch from clock_timestamp() - make_interval(secs => ${HORIZON_SECONDS})) * 1000000)::numeric(30,0))::text as horizon`,
    )) as unknown as [{ horizon: string }];
    const lastMicros = BigInt(last.micros);
    const horizonMicros = BigInt(horizon);
    next = formatCursor(lastMicros <= horizonMicros ? { micros: lastMicros, id: last.id } : { micros: horizonMicros, id: ZERO_UUID });
  }
  const packs = (await tx.execute(sql`
    select id, parent_product_id as "parentProductId", child_product_id as "childProductId", units_per_parent::text as "unitsPerParent"
      from packs where auto_unpack order by id
  `)) as unknown as PackRule[];
  return { products, packs: [...packs], cursor: next, hasMore: false };
}
