import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { movementType } from "../db/schema/inventory";
import { TENANT } from "./ledger";
import { isoTs } from "../db/sql-helpers";

export const ZListMovementsInput = z.object({
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(200).default(50),
  productId: z.string().uuid().optional(),
  warehouseId: z.string().uuid().optional(),
  type: z.enum(movementType.enumValues).optional(),
  /** Reference contains ("HAB-502"). */
  reference: z.string().trim().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TListMovementsInput = z.input<typeof ZListMovementsInput>;

const COUNT_CAP = 10_000;

/** The ledger, newest first. `total` stops at 10,000. */
export async function listMovements(tx: Tx, raw: TListMovementsInput) {
  const input = ZListMovementsInput.parse(raw);
  const where: SQL[] = [sql`m.tenant_id = ${TENANT}`];
  if (input.productId) where.push(sql`m.product_id = ${input.productId}`);
  if (input.warehouseId) where.push(sql`m.warehouse_id = ${input.warehouseId}`);
  if (input.type) where.push(sql`m.type = ${input.type}`);
  if (input.reference) where.push(sql`m.reference ilike ${"%" + input.reference.replace(/[\\%_]/g, (c) => `\\${c}`) + "%"}`);
  // Desde/Hasta are days on the business's calendar (its time zone), not the server's.
  if (input.from) where.push(sql`m.created_at >= (${input.from}::date::timestamp at time zone reports_tz())`);
  if (input.to) where.push(sql`m.created_at < ((${input.to}::date + 1)::timestamp at time zone reports_tz())`);
  const w = sql.join(where, sql` and `);
  // The ledger grows without bound: count at most COUNT_CAP rows (the UI pages through them).
  const [{ total } = { total: 0 }] = await tx.execute<{ total: number }>(
    sql`select count(*)::int as total from (select 1 from stock_movements m where ${w} limit ${COUNT_CAP}) x`,
  );
  const rows = await tx.execute<{
    id: string;
    createdAt: string;
    type: string;
    productId: string;
    productName: string;
    sku: string;
    warehouseName: string;
    counterpartName: string | null;
    lotNumber: string | null;
    quantity: string;
    unitCost: string;
    stockBefore: string;
    stockAfter: string;
    destinationType: string | null;
    reference: string | null;
    sourceType: string | null;
    isShortfall: boolean;
    userName: string | null;
  }>(sql`
    select m.id, ${isoTs(sql`m.created_at`)} as "createdAt", m.type, m.product_id as "productId", p.name as "productName", p.sku,
           w.name as "warehouseName", cw.name as "counterpartName", l.lot_number as "lotNumber", m.quantity, m.unit_cost as "unitCost",
           m.stock_before as "stockBefore", m.stock_after as "stockAfter", m.destination_type as "destinationType", m.reference,
           m.source_type as "sourceType", m.is_shortfall as "isShortfall", u.name as "userName"
    from (select * from stock_movements m where ${w} order by m.created_at desc, m.seq desc limit ${input.pageSize} offset ${input.page * input.pageSize}) m
    join products p on p.tenant_id = m.tenant_id and p.id = m.product_id
    join warehouses w on w.tenant_id = m.tenant_id and w.id = m.warehouse_id
    left join warehouses cw on cw.tenant_id = m.tenant_id and cw.id = m.counterpart_warehouse_id
    left join lots l on l.tenant_id = m.tenant_id and l.id = m.lot_id
    left join users u on u.id = m.user_id
    order by m.created_at desc, m.seq desc`);
  return { rows: [...rows], total, capped: total >= COUNT_CAP };
}
