import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { TENANT } from "../db/current-tenant";
import { send } from "../db/prepared";
import { pgArray } from "../db/sql-helpers";
import { Decimal, ZERO } from "@/lib/decimal";
import type { PaymentMethod } from "@/lib/schemas/sale";
import type { LineExit, StockWrites } from "./sale-stock";

export type SaleRow = {
  id: string;
  tenantId: string;
  registerId: string;
  cashSessionId: string;
  warehouseId: string;
  customerId: string | null;
  cashierId: string;
  mode: "ONLINE" | "OFFLINE";
  subtotal: string;
  discount: string;
  total: string;
  paid: string;
  change: string;
  costTotal: string;
  stockConflict: boolean;
  fiscalStatus: "PENDING" | "NOT_REQUIRED";
  fiscalDocumentId: string | null;
  /** Offline sales keep their time; online ones take the server's (null). */
  soldAt: Date | null;
};
export type SaleLineRow = {
  lineNo: number;
  productId: string;
  description: string;
  quantity: Decimal;
  unitPrice: Decimal;
  discount: Decimal;
  total: Decimal;
  ivaRate: string;
  exit: LineExit | undefined;
};

const merge = <T extends string>(rows: { key: T; delta: string }[]) => {
  const m = new Map<T, Decimal>();
  for (const r of rows) m.set(r.key, (m.get(r.key) ?? ZERO).plus(r.delta));
  return [...m].filter(([, d]) => !d.isZero());
};

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/**
 * ONE statement writes the whole sale: the stock (lot quantities, ledger lines, levels), the
 * ticket number, the sale, its lines, payments and cash movements. Its text never changes (the
 * rows travel as jsonb parameters), so it is prepared once per connection and sent in one
 * round trip. The counter row comes last in the transaction: its lock serializes sales per
 * register, so it is held only for this final step. Foreign keys are checked at the
 * statement's end, so ledger lines and sale lines may point at rows written beside them.
 */
export async function writeSale(
  tx: Tx,
  sale: SaleRow,
  lines: SaleLineRow[],
  payments: { method: PaymentMethod; amount: string; applied: string }[],
  cash: [PaymentMethod, Decimal][],
  stock: StockWrites,
): Promise<number> {
  const lotDeltas = merge(stock.lotDeltas.map((d) => ({ key: d.id, delta: d.delta }))).map(([id, d]) => ({ id, delta: d.toFixed(3) }));
  const levelDeltas = merge(stock.levelDeltas.map((d) => ({ key: d.product_id, delta: d.delta }))).map(([p, d]) => ({ product_id: p, delta: d.toFixed(3) }));
  const lineRows = lines.map((l) => ({
    line_no: l.lineNo,
    product_id: l.productId,
    description: l.description,
    quantity: l.quantity.toFixed(3),
    unit_price: l.unitPrice.toFixed(4),
    discount: l.discount.toFixed(2),
    total: l.total.toFixed(2),
    iva_rate: l.ivaRate,
    cost_total: new Decimal(l.exit?.costTotal ?? 0).toFixed(2),
    lots: l.exit?.lots ?? [],
    shortfall: new Decimal(l.exit?.shortfall ?? 0).toFixed(3),
  }));
  const paymentRows = payments.map((p, i) => ({ line_no: i + 1, method: p.method, amount: p.amount, applied: p.applied }));
  const cashRows = cash.filter(([, amount]) => !amount.isZero()).map(([method, amount]) => ({ method, amount: amount.toFixed(2) }));
  const [row] = await send<{ last_number: number }>(tx, sql`
    with ld as (
      update lots set quantity = lots.quantity + v.delta
      from jsonb_to_recordset(${json(lotDeltas)}) as v(id uuid, delta numeric)
      -- The id list again as an array: an index condition, so lots is never scanned whole.
      where lots.tenant_id = ${TENANT} and lots.id = any(${pgArray(lotDeltas.map((d) => d.id), "uuid")}) and lots.id = v.id
      returning 1
    ), mv as (
      insert into stock_movements (tenant_id, id, type, product_id, warehouse_id, lot_id, quantity, unit_cost, stock_before, stock_after,
        destination_type, source_type, source_id, operation_id, is_shortfall, user_id)
      select ${TENANT}, v.id, 'SALE'::movement_type, v.product_id, ${sale.warehouseId}::uuid, v.lot_id, v.quantity, v.unit_cost, v.stock_before, v.stock_after,
        'CUSTOMER'::destination_type, 'SALE', ${sale.id}::text, v.operation_id, false, ${sale.cashierId}::uuid
      from jsonb_to_recordset(${json(stock.movements)}) as v(id uuid, product_id uuid, lot_id uuid, quantity numeric, unit_cost numeric,
        stock_before numeric, stock_after numeric, operation_id uuid)
      returning 1
    ), lv as (
      update stock_levels s set quantity = s.quantity + v.delta, updated_at = now()
      from jsonb_to_recordset(${json(levelDeltas)}) as v(product_id uuid, delta numeric)
      where s.tenant_id = ${TENANT} and s.product_id = any(${pgArray(levelDeltas.map((d) => d.product_id), "uuid")})
        and s.product_id = v.product_id and s.warehouse_id = ${sale.warehouseId}::uuid
      returning 1
    ), c as (
      insert into register_ticket_counters (tenant_id, register_id, last_number) values (${sale.tenantId}::uuid, ${sale.registerId}::uuid, 1)
      on conflict (tenant_id, register_id) do update set last_number = register_ticket_counters.last_number + 1
      returning last_number
    ), s as (
      insert into sales (tenant_id, id, register_id, cash_session_id, warehouse_id, ticket_number, customer_id, cashier_id, mode,
        subtotal, discount, total, paid, change, cost_total, stock_conflict, fiscal_status, fiscal_document_id, created_at)
      select ${sale.tenantId}::uuid, ${sale.id}::uuid, ${sale.registerId}::uuid, ${sale.cashSessionId}::uuid, ${sale.warehouseId}::uuid, c.last_number,
        ${sale.customerId}::uuid, ${sale.cashierId}::uuid, ${sale.mode}::pos_sale_mode, ${sale.subtotal}::numeric, ${sale.discount}::numeric,
        ${sale.total}::numeric, ${sale.paid}::numeric, ${sale.change}::numeric, ${sale.costTotal}::numeric, ${sale.stockConflict}::boolean,
        ${sale.fiscalStatus}::pos_sale_fiscal_status, ${sale.fiscalDocumentId}::uuid, coalesce(${sale.soldAt?.toISOString() ?? null}::timestamptz, now())
      from c
      returning id
    ), l as (
      insert into sale_lines (tenant_id, sale_id, line_no, product_id, description, quantity, unit_price, discount, total, iva_rate,
        cost_total, lots, shortfall)
      select ${sale.tenantId}::uuid, s.id, v.line_no, v.product_id, v.description, v.quantity, v.unit_price, v.discount, v.total, v.iva_rate,
        v.cost_total, v.lots, v.shortfall
      from jsonb_to_recordset(${json(lineRows)}) as v(line_no int, product_id uuid, description text, quantity numeric, unit_price numeric,
        discount numeric, total numeric, iva_rate numeric, cost_total numeric, lots jsonb, shortfall numeric), s
    ), p as (
      insert into sale_payments (tenant_id, sale_id, line_no, method, amount, applied)
      select ${sale.tenantId}::uuid, s.id, v.line_no, v.method, v.amount, v.applied
      from jsonb_to_recordset(${json(paymentRows)}) as v(line_no int, method pos_payment_method, amount numeric, applied numeric), s
    ), m as (
      insert into cash_movements (tenant_id, cash_session_id, type, method, amount, sale_id, created_by)
      select ${sale.tenantId}::uuid, ${sale.cashSessionId}::uuid, 'SALE'::pos_cash_movement_type, v.method, v.amount, s.id, ${sale.cashierId}::uuid
      from jsonb_to_recordset(${json(cashRows)}) as v(method pos_payment_method, amount numeric), s
    )
    select last_number from c`);
  return row!.last_number;
}
