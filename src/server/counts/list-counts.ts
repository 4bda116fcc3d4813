import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "../inventory/ledger";
import { STATUS_LABEL, type CountStatus } from "./common";

export const ZListCountsResponse = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    warehouseName: z.string(),
    status: z.enum(["OPEN", "COUNTING", "REVIEW", "APPLIED", "CANCELLED"]),
    statusLabel: z.string(),
    scope: z.string(),
    createdAt: z.string(),
    entries: z.number().int(),
    counters: z.number().int(),
  }),
);

/** Counts for the managers' list, newest first. */
export async function listCounts(tx: Tx): Promise<z.infer<typeof ZListCountsResponse>> {
  const rows = await tx.execute<{
    id: string;
    name: string;
    warehouseName: string;
    status: CountStatus;
    categories: number;
    products: number;
    byProductList: boolean;
    createdAt: string;
    entries: number;
    counters: number;
  }>(sql`
    select c.id, c.name, w.name as "warehouseName", c.status, cardinality(c.category_ids) as categories, c.by_product_list as "byProductList",
           (select count(*)::int from count_products cp where cp.tenant_id = c.tenant_id and cp.count_id = c.id) as products,
           to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
           (select count(*)::int from count_entries e where e.tenant_id = c.tenant_id and e.count_id = c.id and e.voided_at is null) as entries,
           (select count(distinct e.user_id)::int from count_entries e where e.tenant_id = c.tenant_id and e.count_id = c.id and e.voided_at is null) as counters
    from counts c join warehouses w on w.tenant_id = c.tenant_id and w.id = c.warehouse_id
    where c.tenant_id = ${TENANT} order by c.created_at desc limit 200`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    warehouseName: r.warehouseName,
    status: r.status,
    statusLabel: STATUS_LABEL[r.status],
    scope: r.byProductList ? `${r.products} productos` : r.categories ? `${r.categories} categoría${r.categories === 1 ? "" : "s"}` : "Todo el depósito",
    createdAt: r.createdAt,
    entries: r.entries,
    counters: r.counters,
  }));
}
