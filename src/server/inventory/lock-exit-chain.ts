import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { pgArray } from "../db/sql-helpers";
import type { Tx } from "../db/client";
import { exec, TENANT } from "./ledger";

/** Transactions that already hold the chain locks of a product × warehouse (set by a caller that exits several products). */
const chainLocked = new WeakMap<Tx, Set<string>>();

/**
 * THE global lock order over stock levels, defined here once: the statement that locks, in
 * product-id order, the levels in `warehouse` of the given products and of every pack above
 * them (bottle → six-pack → pallet, up to four levels of auto-unpacking packs), and returns
 * their product ids. An exit that runs short opens parent packs and so needs the parents'
 * locks too; taking them lazily (child first, parent later) while another sale takes them in
 * id order is a deadlock waiting to happen (issue 20). Every exit, sale and unpacking takes
 * this statement — lockExitChain below, and the sale's one-round-trip reads (sale-reads.ts),
 * which pass the warehouse as a subquery and wrap it to answer one row.
 */
export const lockPackChainSql = (productIds: string[], warehouse: SQL | string): SQL => sql`
  with recursive chain(product_id, depth) as (
    select unnest(${pgArray(productIds, "uuid")}), 0
    union
    select p.parent_product_id, c.depth + 1
    from chain c join packs p on p.tenant_id = ${TENANT} and p.child_product_id = c.product_id and p.auto_unpack
    where c.depth < 4)
  select sl.product_id from stock_levels sl
  where sl.tenant_id = ${TENANT} and sl.warehouse_id = ${warehouse}
    and sl.product_id in (select product_id from chain)
  order by sl.product_id
  for update of sl`;

/**
 * Locks, in one statement and in the global order (lockPackChainSql), the stock levels of the
 * given products and of every pack above them in one warehouse: the whole chain up front, so
 * every exit, sale and unpacking agrees. Levels not created yet are created first by the
 * per-pair lock (lockLevel) under the same order.
 */
export async function lockExitChain(tx: Tx, productIds: string[], warehouseId: string): Promise<void> {
  const done = chainLocked.get(tx) ?? new Set<string>();
  const wanted = [...new Set(productIds)].filter((id) => !done.has(`${id}:${warehouseId}`));
  if (wanted.length === 0) return;
  const rows = await exec<{ product_id: string }>(tx, lockPackChainSql(wanted, warehouseId));
  for (const id of wanted) done.add(`${id}:${warehouseId}`);
  for (const r of rows) done.add(`${r.product_id}:${warehouseId}`);
  chainLocked.set(tx, done);
}
