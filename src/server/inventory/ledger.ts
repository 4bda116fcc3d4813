import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import type { DestinationType, MovementType } from "../db/schema/inventory";
import { AppError } from "../errors/app-error";
import { dec, Decimal, ZERO } from "@/lib/decimal";

// Shared building blocks of the inventory service. Every stock writer first locks the
// product × warehouse row of stock_levels (FOR UPDATE), so lots of that pair change only
// under that lock; readers never need it. All statements run inside the caller's tenant
// transaction; the tenant comes from app.current_tenant (RLS checks it anyway).

export type Actor = { userId: string | null };

/** The current tenant as SQL, read from the transaction-local setting withTenant made. */
export const TENANT: SQL = sql.raw(`(select nullif(current_setting('app.current_tenant', true), '')::uuid)`);

const decimalString = (scale: number, label: string) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(
      z
        .string()
        .regex(new RegExp(`^\\d{1,11}(\\.\\d{1,${scale}})?$`), `${label}: usá un número con hasta ${scale} decimales`),
    );

/** A positive quantity (numeric(14,3)), as a string. */
export const ZQuantity = decimalString(3, "Cantidad").refine((v) => dec(v).gt(0), "La cantidad debe ser mayor que cero");
/** A unit cost ≥ 0 (numeric(14,4)), as a string. */
export const ZUnitCost = decimalString(4, "Costo unitario");
export const ZId = z.string().uuid("Identificador inválido");

export type Level = { quantity: Decimal; productName: string; isService: boolean; deficit: Decimal; deficitLotId: string | null };

/**
 * Locks (creating at 0 if missing) the stock_levels row of a product in a warehouse and
 * returns it with the product's name/flags and the deficit lot. Waits for any other writer
 * of the same pair; under READ COMMITTED the row read here is the latest committed one.
 */
export async function lockLevel(tx: Tx, productId: string, warehouseId: string): Promise<Level> {
  const read = () =>
    tx.execute<{ quantity: string; name: string; is_service: boolean; deficit: string | null; deficit_lot_id: string | null }>(sql`
      select l.quantity, p.name, p.is_service, d.quantity as deficit, d.id as deficit_lot_id
      from stock_levels l
      join products p on p.tenant_id = l.tenant_id and p.id = l.product_id
      left join lots d on d.tenant_id = l.tenant_id and d.product_id = l.product_id and d.warehouse_id = l.warehouse_id and d.is_deficit
      where l.tenant_id = ${TENANT} and l.product_id = ${productId} and l.warehouse_id = ${warehouseId}
      for update of l`);
  let rows = await read();
  if (rows.length === 0) {
    const [product] = await tx.execute<{ id: string }>(
      sql`select id from products where tenant_id = ${TENANT} and id = ${productId}`,
    );
    if (!product) throw new AppError("NOT_FOUND", "El producto no existe.", { productId });
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
  const r = rows[0]!;
  return {
    quantity: dec(r.quantity),
    productName: r.name,
    isService: r.is_service,
    deficit: dec(r.deficit ?? 0),
    deficitLotId: r.deficit_lot_id,
  };
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
  const rows = await tx.execute<{
    id: string;
    quantity: string;
    unit_cost: string;
    lot_number: string | null;
    expires_at: string | null;
    received_at: string;
    root_id: string;
    seq: string;
  }>(sql`
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

/** Adds signed deltas to existing lots in one statement. */
export async function applyLotDeltas(tx: Tx, deltas: { lotId: string; delta: Decimal }[]): Promise<void> {
  if (deltas.length === 0) return;
  // UPDATE … FROM applies one row per target: merge repeated lots first.
  const merged = new Map<string, Decimal>();
  for (const d of deltas) merged.set(d.lotId, (merged.get(d.lotId) ?? ZERO).plus(d.delta));
  const values = sql.join(
    [...merged].map(([lotId, delta]) => ({ lotId, delta })).map((d) => sql`(${d.lotId}::uuid, ${d.delta.toFixed(3)}::numeric)`),
    sql`, `,
  );
  await tx.execute(sql`
    update lots set quantity = lots.quantity + v.delta
    from (values ${values}) as v(id, delta)
    where lots.tenant_id = ${TENANT} and lots.id = v.id`);
}

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

export async function insertLots(tx: Tx, lots: NewLot[]): Promise<void> {
  if (lots.length === 0) return;
  const values = sql.join(
    lots.map(
      (l) => sql`(${TENANT}, ${l.id}::uuid, ${l.productId}::uuid, ${l.warehouseId}::uuid, ${l.lotNumber}, ${l.initialQuantity.toFixed(3)}::numeric,
        ${l.quantity.toFixed(3)}::numeric, ${l.unitCost}::numeric, coalesce(${l.receivedAt}::timestamptz, clock_timestamp()), ${l.expiresAt}::date, ${l.originLotId}::uuid)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    insert into lots (tenant_id, id, product_id, warehouse_id, lot_number, initial_quantity, quantity, unit_cost, received_at, expires_at, origin_lot_id)
    values ${values}`);
}

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

export async function insertMovements(tx: Tx, operationId: string, actor: Actor, rows: MovementRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (m) => sql`(${TENANT}, ${m.id}::uuid, ${m.type}::movement_type, ${m.productId}::uuid, ${m.warehouseId}::uuid, ${m.lotId}::uuid,
        ${m.quantity.toFixed(3)}::numeric, ${m.unitCost}::numeric, ${m.stockBefore.toFixed(3)}::numeric, ${m.stockAfter.toFixed(3)}::numeric,
        ${m.counterpartWarehouseId ?? null}::uuid, ${m.destinationType ?? null}::destination_type, ${m.reference ?? null},
        ${m.sourceType ?? null}, ${m.sourceId ?? null}, ${operationId}::uuid, ${m.isShortfall ?? false}, ${actor.userId}::uuid)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    insert into stock_movements (tenant_id, id, type, product_id, warehouse_id, lot_id, quantity, unit_cost, stock_before, stock_after,
      counterpart_warehouse_id, destination_type, reference, source_type, source_id, operation_id, is_shortfall, user_id)
    values ${values}`);
}

/** Moves the locked level row by `delta`. */
export async function addToLevel(tx: Tx, productId: string, warehouseId: string, delta: Decimal): Promise<void> {
  if (delta.isZero()) return;
  await tx.execute(sql`
    update stock_levels set quantity = quantity + ${delta.toFixed(3)}::numeric, updated_at = now()
    where tenant_id = ${TENANT} and product_id = ${productId} and warehouse_id = ${warehouseId}`);
}

export const sumQty = (xs: { quantity: Decimal }[]) => xs.reduce((a, x) => a.plus(x.quantity), ZERO);
