import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../db/client";
import { TENANT } from "../db/current-tenant";
import { pipeline, send } from "../db/prepared";
import { pgArray } from "../db/sql-helpers";
import { dec, Decimal } from "@/lib/decimal";
import { sortKey, type OpenLot } from "../inventory/ledger";
import { lockPackChainSql } from "../inventory/lock-exit-chain";
import type { TSaleInput } from "@/lib/schemas/sale";
import type { CreateSaleResult } from "./create-sale";

export type SessionAndRegister = {
  id: string;
  tenant_id: string;
  register_id: string;
  status: "OPEN" | "CLOSED";
  opened_by: string;
  opened_at: Date;
  warehouse_id: string;
  fiscal_enabled: boolean;
  afip_point_of_sale: number;
};
export type ProductRow = { id: string; name: string; sale_price: string; iva_rate: string; is_service: boolean; active: boolean };
/** A product's locked level in the sale's warehouse and its open lots, FEFO then FIFO. */
export type StockRow = { quantity: Decimal; lots: OpenLot[] };

type ExistingRow = { ticket_number: number; total: string; change: string; stock_conflict: boolean; catalog_conflict: boolean };
type LotJson = { id: string; seq: string; quantity: string; unitCost: string; lotNumber: string | null; expiresAt: string | null; receivedAt: string; rootId: string };

const sessionQuery = (input: TSaleInput) => sql`
  select s.id, s.tenant_id, s.register_id, s.status, s.opened_by, s.opened_at, r.warehouse_id, r.fiscal_enabled, r.afip_point_of_sale
  from (select pg_advisory_xact_lock(hashtextextended(${"sale:" + input.id}, 0))) l,
       cash_sessions s join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
  where s.id = ${input.cashSessionId}
  for share of s`;

export const existingQuery = (saleId: string) => sql`
  select ticket_number, total, change, stock_conflict,
    exists(select 1 from catalog_conflicts c where c.tenant_id = sales.tenant_id and c.sale_id = sales.id) as catalog_conflict
  from sales where id = ${saleId}`;

const warehouseOf = (cashSessionId: string) => sql`(
  select r.warehouse_id from cash_sessions s join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id where s.id = ${cashSessionId})`;

/**
 * The levels of the sale's products and of every pack above them, locked in the one global
 * order (lock-exit-chain.ts), counted so the statement answers one row.
 */
const lockChainQuery = (productIds: string[], cashSessionId: string) =>
  sql`select count(*)::int as n from (${lockPackChainSql(productIds, warehouseOf(cashSessionId))}) locked`;

/** Read in a later statement than the locks, so its snapshot holds what committed while they waited. */
const stockQuery = (productIds: string[], warehouse: SQL) => sql`
  select sl.product_id, sl.quantity::text as quantity,
    coalesce((
      select json_agg(json_build_object('id', l.id, 'seq', l.seq::text, 'quantity', l.quantity::text, 'unitCost', l.unit_cost::text,
          'lotNumber', l.lot_number, 'expiresAt', l.expires_at::text,
          'receivedAt', to_char(l.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), 'rootId', coalesce(l.origin_lot_id, l.id))
        order by l.expires_at asc nulls last, l.received_at asc, l.seq asc)
      from lots l
      where l.tenant_id = ${TENANT} and l.product_id = sl.product_id and l.warehouse_id = sl.warehouse_id
        and l.quantity > 0 and not l.is_deficit), '[]'::json) as lots
  from stock_levels sl
  where sl.tenant_id = ${TENANT} and sl.warehouse_id = ${warehouse} and sl.product_id = any(${pgArray(productIds, "uuid")})`;

type StockJsonRow = { product_id: string; quantity: string; lots: LotJson[] | string };

/** The levels and open lots of products in a warehouse; the caller holds their level locks. */
export async function readStock(tx: Tx, productIds: string[], warehouseId: string): Promise<Map<string, StockRow>> {
  return toStock(await send<StockJsonRow>(tx, stockQuery([...new Set(productIds)], sql`${warehouseId}::uuid`)));
}

export const existingResult = (saleId: string, row: ExistingRow): CreateSaleResult => ({
  saleId,
  ticketNumber: row.ticket_number,
  total: row.total,
  change: row.change,
  status: "DUPLICATE",
  stockConflict: row.stock_conflict,
  catalogConflict: row.catalog_conflict,
  fiscalDocumentId: null, // already requested by the first submission; never send its event twice
});

const toStock = (rows: StockJsonRow[]) =>
  new Map<string, StockRow>(
    rows.map((r) => {
      const lots = (typeof r.lots === "string" ? (JSON.parse(r.lots) as LotJson[]) : r.lots).map((l) => ({
        id: l.id,
        quantity: dec(l.quantity),
        unitCost: l.unitCost,
        lotNumber: l.lotNumber,
        expiresAt: l.expiresAt,
        receivedAt: l.receivedAt,
        key: sortKey(l.expiresAt, l.receivedAt, l.seq),
        rootId: l.rootId,
      }));
      return [r.product_id, { quantity: dec(r.quantity), lots }];
    }),
  );

export type SaleReads = {
  session: SessionAndRegister | undefined;
  existing: CreateSaleResult | null;
  products: ProductRow[];
  /** Tenant setting, read only when the caller did not pass it. */
  allowNegative: boolean | null;
  customerFound: boolean;
  stock: Map<string, StockRow>;
};

/**
 * Everything a sale reads before it writes, in ONE round trip (pipelined statements, run in
 * this order): the per-UUID advisory lock and the session FOR SHARE (a closing waits for the
 * sale); then, in new statements (so a first submission that committed while we waited is
 * visible), the sale if it exists, the products, the tenant setting, the customer, the stock
 * locks and, last, the locked levels with their open lots.
 * `pre` (a sync group's reads, prefetch-sales.ts) skips what the group already read.
 */
export async function readSale(
  tx: Tx,
  input: TSaleInput,
  opts: { pre?: { session: SessionAndRegister | undefined; existing: CreateSaleResult | null; products: ProductRow[] }; needAllowNegative: boolean; stock: boolean },
): Promise<SaleReads> {
  const ids = [...new Set(input.lines.map((l) => l.productId))];
  const pre = opts.pre;
  const [sessions, existing, products, settings, customers, , stock] = await pipeline<
    [SessionAndRegister[], ExistingRow[], ProductRow[], { allow: boolean | null }[], { found: number }[], unknown[], StockJsonRow[]]
  >(tx, [
    pre ? null : sessionQuery(input),
    pre ? null : existingQuery(input.id),
    pre ? null : sql`select id, name, sale_price, iva_rate, is_service, active from products where id = any(${pgArray(ids, "uuid")})`,
    opts.needAllowNegative ? sql`select (settings->>'allowNegativeStock')::boolean as allow from tenants` : null,
    input.customerId ? sql`select 1 as found from customers where id = ${input.customerId} and active` : null,
    opts.stock ? lockChainQuery(ids, input.cashSessionId) : null,
    opts.stock ? stockQuery(ids, warehouseOf(input.cashSessionId)) : null,
  ]);
  return {
    session: pre ? pre.session : sessions[0],
    existing: pre ? pre.existing : existing[0] ? existingResult(input.id, existing[0]) : null,
    products: pre ? pre.products : products,
    allowNegative: settings[0]?.allow ?? null,
    customerFound: customers.length > 0,
    stock: toStock(stock),
  };
}
