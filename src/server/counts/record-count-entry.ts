import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";
import { countable, loadCount, requireStatus, ZCountId, ZLotNumber } from "./common";
import { entryViews, ZCountEntryView, ZCountQuantity } from "./entry-view";

export const ZRecordCountEntryInput = z.object({
  /** Generated on the device: resending the same entry is a no-op. */
  id: z.uuid("Identificador inválido"),
  countId: ZCountId,
  productId: z.uuid("Identificador inválido"),
  lotNumber: ZLotNumber.nullable().optional(),
  zoneId: z.uuid().nullable().optional(),
  quantity: ZCountQuantity,
  /** When the device recorded it; only for entries queued offline. */
  countedAt: z.iso.datetime({ offset: true }).max(40).optional(),
});
export type TRecordCountEntryInput = z.input<typeof ZRecordCountEntryInput>;

export const ZRecordCountEntryResponse = z.object({ status: z.enum(["CREATED", "DUPLICATE"]), entry: ZCountEntryView });
export type TRecordCountEntryResponse = z.infer<typeof ZRecordCountEntryResponse>;

/**
 * Records what a counter found. Entries add up (several counters, several shelves); each
 * freezes, in the same statement snapshot, the pair's last ledger position and the system
 * balance there (of its lot number when the product tracks lots) — what review compares
 * against, so selling never has to stop. Nothing of that goes back to the counter.
 */
export async function recordCountEntry(tx: Tx, raw: TRecordCountEntryInput, actor: Actor & { userId: string }): Promise<TRecordCountEntryResponse> {
  const v = ZRecordCountEntryInput.parse(raw);
  // The first entry starts the count (before taking the shared lock every counter holds).
  await tx.execute(sql`update counts set status = 'COUNTING', started_at = now() where tenant_id = ${TENANT} and id = ${v.countId} and status = 'OPEN'`);
  const c = await loadCount(tx, v.countId, "share");

  const existing = await tx.execute<{ user_id: string; count_id: string }>(sql`
    select user_id, count_id from count_entries where tenant_id = ${TENANT} and id = ${v.id}`);
  if (existing[0]) return duplicate(tx, v, existing[0], actor.userId);

  requireStatus(c, ["COUNTING", "REVIEW"], "cargar conteos");
  const [p] = await tx.execute<{ name: string; track_batches: boolean; in_scope: boolean }>(sql`
    select p.name, p.track_batches, (${countable(c)}) as in_scope from products p where p.tenant_id = ${TENANT} and p.id = ${v.productId}`);
  if (!p) throw new AppError("NOT_FOUND", "El producto no existe.", { field: "productId" });
  if (!p.in_scope) throw new AppError("VALIDATION", `«${p.name}» no entra en este conteo.`, { field: "productId" });
  // trackBatches means it: such a product is counted lot by lot.
  const lotKey = p.track_batches ? (v.lotNumber ?? "").trim() : "";
  if (p.track_batches && !lotKey) throw new AppError("VALIDATION", `«${p.name}» se cuenta por lote: indicá el número de lote.`, { field: "lotNumber" });
  if (v.zoneId) {
    const [z] = await tx.execute(sql`select 1 from count_zones where tenant_id = ${TENANT} and count_id = ${c.id} and id = ${v.zoneId}`);
    if (!z) throw new AppError("NOT_FOUND", "La zona no es de este conteo.", { field: "zoneId" });
  }

  await tx.execute(sql`
    insert into count_lines (tenant_id, count_id, product_id, lot_key) values (${TENANT}, ${c.id}, ${v.productId}, ${lotKey})
    on conflict (tenant_id, count_id, product_id, lot_key) do nothing`);
  const [line] = await tx.execute<{ status: string; round: number; recount_assigned_to: string | null; counted_before: boolean }>(sql`
    select l.status, l.round, l.recount_assigned_to,
           exists (select 1 from count_entries e where e.tenant_id = l.tenant_id and e.count_id = l.count_id and e.product_id = l.product_id
                   and e.lot_key = l.lot_key and e.round < l.round and e.user_id = ${actor.userId}) as counted_before
    from count_lines l where l.tenant_id = ${TENANT} and l.count_id = ${c.id} and l.product_id = ${v.productId} and l.lot_key = ${lotKey}
    for share`);
  if (line!.status === "APPLIED" || line!.status === "SKIPPED") {
    throw new AppError("INVALID_STATE", `«${p.name}» ya se ajustó en este conteo.`, { field: "productId" });
  }
  if (c.status === "REVIEW" && line!.status !== "RECOUNT") {
    throw new AppError("INVALID_STATE", `El conteo está en revisión: «${p.name}» no tiene un reconteo pedido.`, { field: "productId" });
  }
  if (line!.round > 0 && line!.counted_before) {
    throw new AppError("FORBIDDEN", `El reconteo de «${p.name}» lo tiene que hacer otra persona.`, { field: "productId" });
  }
  if (line!.round > 0 && line!.recount_assigned_to && line!.recount_assigned_to !== actor.userId) {
    throw new AppError("FORBIDDEN", `El reconteo de «${p.name}» está asignado a otra persona.`, { field: "productId" });
  }

  const inserted = await tx.execute<{ id: string }>(sql`
    insert into count_entries (tenant_id, id, count_id, product_id, lot_key, zone_id, round, quantity, user_id, counted_at, offline, ledger_seq, system_qty)
    select ${TENANT}, ${v.id}, ${c.id}, ${v.productId}, ${lotKey}, ${v.zoneId ?? null}, ${line!.round}, ${v.quantity}::numeric, ${actor.userId},
      least(coalesce(${v.countedAt ?? null}::timestamptz, clock_timestamp()), clock_timestamp()), ${Boolean(v.countedAt)},
      coalesce((select max(m.seq) from stock_movements m
                where m.tenant_id = ${TENANT} and m.product_id = ${v.productId} and m.warehouse_id = ${c.warehouseId}), 0),
      ${
        p.track_batches
          ? sql`coalesce((select sum(l.quantity) from lots l where l.tenant_id = ${TENANT} and l.product_id = ${v.productId}
                          and l.warehouse_id = ${c.warehouseId} and coalesce(l.lot_number, '') = ${lotKey}), 0)`
          : sql`coalesce((select s.quantity from stock_levels s where s.tenant_id = ${TENANT} and s.product_id = ${v.productId}
                          and s.warehouse_id = ${c.warehouseId}), 0)`
      }
    on conflict (tenant_id, id) do nothing
    returning id`);
  if (!inserted[0]) {
    // A concurrent resend of the same entry won the insert.
    const [row] = await tx.execute<{ user_id: string; count_id: string }>(sql`select user_id, count_id from count_entries where tenant_id = ${TENANT} and id = ${v.id}`);
    return duplicate(tx, v, row!, actor.userId);
  }
  const [entry] = await entryViews(tx, { countId: c.id, userId: actor.userId, entryId: v.id });
  return { status: "CREATED", entry: entry! };
}

async function duplicate(tx: Tx, v: { id: string; countId: string }, row: { user_id: string; count_id: string }, userId: string): Promise<TRecordCountEntryResponse> {
  if (row.user_id !== userId || row.count_id !== v.countId) throw new AppError("CONFLICT", "Ese identificador de conteo ya se usó.", { field: "id" });
  const [entry] = await entryViews(tx, { countId: v.countId, userId, entryId: v.id });
  if (!entry) {
    // Undone after it was sent: the resend stays a no-op; echo what was sent.
    const [gone] = await tx.execute<z.infer<typeof ZCountEntryView>>(sql`
      select e.id, e.product_id as "productId", p.name as "productName", p.sku, p.unit, nullif(e.lot_key, '') as "lotNumber", e.zone_id as "zoneId",
             null as "zoneName", e.quantity::text as quantity, e.round, to_char(e.counted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "countedAt",
             e.updated_at is not null as corrected
      from count_entries e join products p on p.tenant_id = e.tenant_id and p.id = e.product_id where e.tenant_id = ${TENANT} and e.id = ${v.id}`);
    return { status: "DUPLICATE", entry: gone! };
  }
  return { status: "DUPLICATE", entry };
}
