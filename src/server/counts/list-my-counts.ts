import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT, type Actor } from "../inventory/ledger";
import { loadCount, STATUS_LABEL } from "./common";
import { entryViews, ZCountEntryView } from "./entry-view";

// Counter-facing reads. Blind by construction: no query here touches lots, levels,
// movements or the entries' frozen system figures.

export const ZMyCountsResponse = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    warehouseName: z.string(),
    status: z.enum(["OPEN", "COUNTING", "REVIEW"]),
    statusLabel: z.string(),
    myZones: z.array(z.string()),
    recounts: z.number().int(),
  }),
);

/** Counts a counter can work on now: open or counting, or in review with recounts pending. */
export async function listMyCounts(tx: Tx, actor: Actor & { userId: string }): Promise<z.infer<typeof ZMyCountsResponse>> {
  const rows = await tx.execute<{ id: string; name: string; warehouseName: string; status: "OPEN" | "COUNTING" | "REVIEW"; myZones: string[]; recounts: number }>(sql`
    select c.id, c.name, w.name as "warehouseName", c.status,
           coalesce(array(select z.name from count_zones z where z.tenant_id = c.tenant_id and z.count_id = c.id and z.assigned_user_id = ${actor.userId} order by z.name), '{}') as "myZones",
           (select count(*)::int from count_lines l where l.tenant_id = c.tenant_id and l.count_id = c.id and l.status = 'RECOUNT'
              and (l.recount_assigned_to is null or l.recount_assigned_to = ${actor.userId})) as recounts
    from counts c join warehouses w on w.tenant_id = c.tenant_id and w.id = c.warehouse_id
    where c.tenant_id = ${TENANT} and c.status in ('OPEN', 'COUNTING', 'REVIEW')
    order by c.created_at desc limit 50`);
  return rows
    .filter((r) => r.status !== "REVIEW" || r.recounts > 0)
    .map((r) => ({ ...r, statusLabel: STATUS_LABEL[r.status] }));
}

export const ZCountingSheetResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  warehouseName: z.string(),
  status: z.enum(["OPEN", "COUNTING", "REVIEW", "APPLIED", "CANCELLED"]),
  zones: z.array(z.object({ id: z.uuid(), name: z.string(), mine: z.boolean() })),
  /** Lines waiting for a recount this person may do: names only. */
  recounts: z.array(z.object({ productId: z.uuid(), productName: z.string(), lotNumber: z.string().nullable() })),
  myEntries: z.array(ZCountEntryView),
});

/** The counting page's data: the count, its zones, my recount tasks and my last entries. */
export async function getCountingSheet(tx: Tx, countId: string, actor: Actor & { userId: string }): Promise<z.infer<typeof ZCountingSheetResponse>> {
  const c = await loadCount(tx, countId);
  const [w] = await tx.execute<{ name: string }>(sql`select name from warehouses where tenant_id = ${TENANT} and id = ${c.warehouseId}`);
  const zones = await tx.execute<{ id: string; name: string; mine: boolean }>(sql`
    select id, name, assigned_user_id is not distinct from ${actor.userId} as mine from count_zones
    where tenant_id = ${TENANT} and count_id = ${c.id} order by name`);
  const recounts = await tx.execute<{ productId: string; productName: string; lotNumber: string | null }>(sql`
    select l.product_id as "productId", p.name as "productName", nullif(l.lot_key, '') as "lotNumber"
    from count_lines l join products p on p.tenant_id = l.tenant_id and p.id = l.product_id
    where l.tenant_id = ${TENANT} and l.count_id = ${c.id} and l.status = 'RECOUNT'
      and (l.recount_assigned_to is null or l.recount_assigned_to = ${actor.userId})
      and not exists (select 1 from count_entries e where e.tenant_id = l.tenant_id and e.count_id = l.count_id and e.product_id = l.product_id
                      and e.lot_key = l.lot_key and e.round < l.round and e.user_id = ${actor.userId})
    order by p.name limit 500`);
  return {
    id: c.id,
    name: c.name,
    warehouseName: w!.name,
    status: c.status,
    zones: [...zones],
    recounts: [...recounts],
    myEntries: await entryViews(tx, { countId: c.id, userId: actor.userId, limit: 30 }),
  };
}
