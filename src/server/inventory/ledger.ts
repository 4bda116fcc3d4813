import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../db/client";
import type { DestinationType, MovementType } from "../db/schema/inventory";
import { AppError } from "../errors/app-error";
import { send } from "../db/prepared";
import { dec, Decimal, ZERO } from "@/lib/decimal";
import { zCost, zQuantity } from "@/lib/schemas/decimal";
import { ZId } from "@/lib/schemas/ids";

// Shared building blocks of the inventory service. Every stock writer first locks the
// product × warehouse row of stock_levels (FOR UPDATE), so lots of that pair change only
// under that lock; readers never need it. All statements run inside the caller's tenant
// transaction; the tenant comes from app.current_tenant (RLS checks it anyway).

export type Actor = { userId: string | null };

/** A hot-path ledger statement as a prepared statement (see db/prepared.ts). */
export const exec = send;

import { TENANT } from "../db/current-tenant";
export { TENANT };

/** A positive quantity (numeric(14,3)), as a canonical decimal string. */
export const ZQuantity = zQuantity("Cantidad", { positive: "La cantidad debe ser mayor que cero" });
/** A unit cost ≥ 0 (numeric(14,4)), as a canonical decimal string. */
export const ZUnitCost = zCost("Costo unitario");
export { ZId };

export type Level = { quantity: Decimal; isService: boolean };

/**
 * Locks the stock_levels row of a product in a warehouse (FOR UPDATE) and returns its
 * quantity. Waits for any other writer of the same pair; under READ COMMITTED the row read
 * after the wait is the latest committed one. The hot path is one single-table statement;
 * a missing row is created at 0 after checking the product (services get no row) and the
 * warehouse exist in this tenant.
 */
export async function lockLevel(tx: Tx, productId: string, warehouseId: string): Promise<Level> {
  const read = () =>
    exec<{ quantity: string }>(tx, sql`
      select quantity from stock_levels
      where tenant_id = ${TENANT} and product_id = ${productId} and warehouse_id = ${warehouseId}
      for update`);
  let rows = await read();
  if (rows.length === 0) {
    const [product] = await tx.execute<{ is_service: boolean }>(
      sql`select is_service from products where tenant_id = ${TENANT} and id = ${productId}`,
    );
    if (!product) throw new AppError("NOT_FOUND", "El producto no existe.", { productId });
    if (product.is_service) return { quantity: ZERO, isService: true };
    const [warehouse] = await tx.execute<{ id: string }>(
      sql`select id from warehouses where tenant_id = ${TENANT} and id = ${warehouseId}`,
    );
    if (!warehouse) throw new AppError("NOT_FOUND", "El depósito no existe.", { warehouseId });
    await tx.execute(sql`
      insert into stock_levels (tenant_id, product_id, warehouse_id, quantity)
      values (${TENANT}, ${productId}, ${warehouseId}, 0)
      on conflict do nothing`);
    rows = await read();
  }
  return { quantity: dec(rows[0]!.quantity), isService: false };
}

/** Name and flags of a product (error messages, receipts). */
export async function productInfo(tx: Tx, productId: string): Promise<{ name: string; isService: boolean }> {
  const [p] = await tx.execute<{ name: string; is_service: boolean }>(
    sql`select name, is_service from products where tenant_id = ${TENANT} and id = ${productId}`,
  );
  if (!p) throw new AppError("NOT_FOUND", "El producto no existe.", { productId });
  return { name: p.name, isService: p.is_service };
}

/** The pair's deficit lot (oversold quantity, ≤ 0), if any. Caller holds the level lock. */
export async function deficitLot(tx: Tx, productId: string, warehouseId: string): Promise<{ id: string | null; quantity: Decimal }> {
  const [d] = await tx.execute<{ id: string; quantity: string }>(sql`
    select id, quantity from lots
    where tenant_id = ${TENANT} and product_id = ${productId} and warehouse_id = ${warehouseId} and is_deficit`);
  return { id: d?.id ?? null, quantity: dec(d?.quantity ?? 0) };
}

/** Locks several pairs in a fixed order (product, warehouse) so two writers never deadlock. */
export async function lockLevels(tx: Tx, pairs: { productId: string; warehouseId: string }[]): Promise<Map<string, Level>> {
  const sorted = [...pairs].sort((a, b) =>
    a.productId === b.productId ? a.warehouseId.localeCompare(b.warehouseId) : a.productId.localeCompare(b.productId),
  );
  const out = new Map<string, Level>();
  for (const p of sorted) {
    const key = `${p.productId}:${p.warehouseId}`;
    if (!out.has(key)) out.set(key, await lockLevel(tx, p.productId, p.warehouseId));
  }
  return out;
}

export type OpenLot = {
  id: string;
  quantity: Decimal;
  unitCost: string;
  lotNumber: string | null;
  expiresAt: string | null;
  receivedAt: string;
  /** Sort key: FEFO (expiry, none last) then FIFO (received, then creation order). */
  key: string;
  rootId: string;
};

const sortKey = (expiresAt: string | null, receivedAt: string, seq: string) => `${expiresAt ?? "9999-12-31"}|${receivedAt}|${seq.padStart(20, "0")}`;

/** Open (positive, non-deficit) lots of a pair in FEFO-then-FIFO order. Caller holds the level lock. */
export async function openLots(tx: Tx, productId: string, warehouseId: string): Promise<OpenLot[]> {
  const rows = await exec<{
    id: string;
    quantity: string;
    unit_cost: string;
    lot_number: string | null;
    expires_at: string | null;
    received_at: string;
    root_id: string;
    seq: string;
  }>(tx, sql`
    select id, seq::text as seq, quantity, unit_cost, lot_number, expires_at::text as expires_at,
           to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as received_at,
           coalesce(origin_lot_id, id) as root_id
    from lots
    where tenant_id = ${TENANT} and product_id = ${productId} and warehouse_id = ${warehouseId}
      and quantity > 0 and not is_deficit
    order by expires_at asc nulls last, received_at asc, seq asc`);
  return rows.map((r) => ({
    id: r.id,
    quantity: dec(r.quantity),
    unitCost: r.unit_cost,
    lotNumber: r.lot_number,
    expiresAt: r.expires_at,
    receivedAt: r.received_at,
    key: sortKey(r.expires_at, r.received_at, r.seq),
    rootId: r.root_id,
  }));
}

export function sortLots<T extends { key: string }>(lots: T[]): T[] {
  return [...lots].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export { sortKey };

export type NewLot = {
  id: string;
  productId: string;
  warehouseId: string;
  lotNumber: string | null;
  initialQuantity: Decimal;
  quantity: Decimal;
  unitCost: string;
  receivedAt: string | null;
  expiresAt: string | null;
  originLotId: string | null;
};

/** Adds `delta` (negative) to the pair's deficit lot, creating it; returns its id. */
export async function addToDeficit(tx: Tx, productId: string, warehouseId: string, delta: Decimal, unitCost: string): Promise<string> {
  const [row] = await tx.execute<{ id: string }>(sql`
    insert into lots (tenant_id, product_id, warehouse_id, lot_number, initial_quantity, quantity, unit_cost, is_deficit)
    values (${TENANT}, ${productId}, ${warehouseId}, null, 0, ${delta.toFixed(3)}::numeric, ${unitCost}::numeric, true)
    on conflict (tenant_id, product_id, warehouse_id) where is_deficit
    do update set quantity = lots.quantity + excluded.quantity
    returning id`);
  return row!.id;
}

/** Last known unit cost of a product (newest real lot anywhere), "0" if it never had stock. */
export async function lastUnitCost(tx: Tx, productId: string): Promise<string> {
  const [row] = await tx.execute<{ unit_cost: string }>(sql`
    select unit_cost from lots
    where tenant_id = ${TENANT} and product_id = ${productId} and not is_deficit
    order by received_at desc, created_at desc limit 1`);
  return row?.unit_cost ?? "0.0000";
}

export type MovementRow = {
  id: string;
  type: MovementType;
  productId: string;
  warehouseId: string;
  lotId: string | null;
  quantity: Decimal;
  unitCost: string;
  stockBefore: Decimal;
  stockAfter: Decimal;
  counterpartWarehouseId?: string | null;
  destinationType?: DestinationType | null;
  reference?: string | null;
  sourceType?: string | null;
  sourceId?: string | null;
  isShortfall?: boolean;
};

export const sumQty = (xs: { quantity: Decimal }[]) => xs.reduce((a, x) => a.plus(x.quantity), ZERO);

export type Writes = {
  newLots?: NewLot[];
  lotDeltas?: { lotId: string; delta: Decimal }[];
  movements?: MovementRow[];
  levelDeltas?: { productId: string; warehouseId: string; delta: Decimal }[];
};

/**
 * Writes an operation in ONE statement (data-modifying CTEs): new lots, lot deltas, the
 * ledger lines and the level rows. One round trip instead of four; foreign keys are
 * checked at the end of the statement, so movements may point at lots inserted with them.
 * Callers hold the level locks of every pair touched.
 */
export async function flush(tx: Tx, operationId: string, actor: Actor, w: Writes): Promise<void> {
  const parts: SQL[] = [];
  if (w.newLots?.length) {
    const values = sql.join(
      w.newLots.map(
        (l) => sql`(${TENANT}, ${l.id}::uuid, ${l.productId}::uuid, ${l.warehouseId}::uuid, ${l.lotNumber}, ${l.initialQuantity.toFixed(3)}::numeric,
          ${l.quantity.toFixed(3)}::numeric, ${l.unitCost}::numeric, coalesce(${l.receivedAt}::timestamptz, clock_timestamp()), ${l.expiresAt}::date, ${l.originLotId}::uuid)`,
      ),
      sql`, `,
    );
    parts.push(sql`nl as (insert into lots (tenant_id, id, product_id, warehouse_id, lot_number, initial_quantity, quantity, unit_cost, received_at, expires_at, origin_lot_id)
      values ${values} returning 1)`);
  }
  if (w.lotDeltas?.length) {
    const merged = new Map<string, Decimal>();
    for (const d of w.lotDeltas) merged.set(d.lotId, (merged.get(d.lotId) ?? ZERO).plus(d.delta));
    const values = sql.join([...merged].map(([id, d]) => sql`(${id}::uuid, ${d.toFixed(3)}::numeric)`), sql`, `);
    parts.push(sql`ld as (update lots set quantity = lots.quantity + v.delta from (values ${values}) as v(id, delta)
      where lots.tenant_id = ${TENANT} and lots.id = v.id returning 1)`);
  }
  if (w.movements?.length) {
    const values = sql.join(
      w.movements.map(
        (m) => sql`(${TENANT}, ${m.id}::uuid, ${m.type}::movement_type, ${m.productId}::uuid, ${m.warehouseId}::uuid, ${m.lotId}::uuid,
          ${m.quantity.toFixed(3)}::numeric, ${m.unitCost}::numeric, ${m.stockBefore.toFixed(3)}::numeric, ${m.stockAfter.toFixed(3)}::numeric,
          ${m.counterpartWarehouseId ?? null}::uuid, ${m.destinationType ?? null}::destination_type, ${m.reference ?? null},
          ${m.sourceType ?? null}, ${m.sourceId ?? null}, ${operationId}::uuid, ${m.isShortfall ?? false}, ${actor.userId}::uuid)`,
      ),
      sql`, `,
    );
    parts.push(sql`mv as (insert into stock_movements (tenant_id, id, type, product_id, warehouse_id, lot_id, quantity, unit_cost, stock_before, stock_after,
      counterpart_warehouse_id, destination_type, reference, source_type, source_id, operation_id, is_shortfall, user_id)
      values ${values} returning 1)`);
  }
  const levels = new Map<string, { productId: string; warehouseId: string; delta: Decimal }>();
  for (const l of w.levelDeltas ?? []) {
    const k = `${l.productId}:${l.warehouseId}`;
    const prev = levels.get(k);
    levels.set(k, { ...l, delta: (prev?.delta ?? ZERO).plus(l.delta) });
  }
  const moved = [...levels.values()].filter((l) => !l.delta.isZero());
  if (moved.length) {
    const values = sql.join(moved.map((l) => sql`(${l.productId}::uuid, ${l.warehouseId}::uuid, ${l.delta.toFixed(3)}::numeric)`), sql`, `);
    parts.push(sql`lv as (update stock_levels s set quantity = s.quantity + v.delta, updated_at = now() from (values ${values}) as v(p, w, delta)
      where s.tenant_id = ${TENANT} and s.product_id = v.p and s.warehouse_id = v.w returning 1)`);
  }
  if (parts.length === 0) return;
  await exec(tx, sql`with ${sql.join(parts, sql`, `)} select 1`);
}
