import { date, index, integer, pgTable, primaryKey, smallint, uuid } from "drizzle-orm/pg-core";
import { moneyCol, qtyCol, tenantCol } from "./columns";
import { paymentMethod } from "./pos";

// Reports (SPEC §9): per-tenant daily rollups, maintained by PostgreSQL triggers in the same
// transaction as the sale and its void (drizzle/sql/700_reports.sql explains why). Derived
// data: `select reports_rebuild()` recomputes the current tenant's rows from the sales.
//
// Days and hours are the business's local ones (tenant setting `timezone`). A sale counts on
// the day it was rung (`sales.created_at`, offline sales keep the cashier's time); a void
// counts on the day it was made (`voided_at`), like its cash movement and credit note, so
// "net = sales rung − voids made" holds for any period. Voids keep the sale's register and
// cashier. Rows have no foreign keys: they are rebuilt from the sales, never the source.

const money = () => moneyCol().notNull().default("0");

/** Day × register × cashier × product: quantities and money of the lines. */
export const reportDailySales = pgTable(
  "report_daily_sales",
  {
    tenantId: tenantCol(),
    day: date({ mode: "string" }).notNull(),
    registerId: uuid().notNull(),
    cashierId: uuid().notNull(),
    productId: uuid().notNull(),
    quantity: qtyCol().notNull().default("0"),
    /** Σ quantity × unit price, before any discount. */
    gross: money(),
    /** Line discounts plus the line's share of ticket discounts. */
    discount: money(),
    /** gross − discount: what the customer paid for these lines. */
    net: money(),
    /** IVA included in net. */
    tax: money(),
    /** Cost of goods from the lots consumed. */
    cost: money(),
    voidQuantity: qtyCol().notNull().default("0"),
    voidGross: money(),
    voidDiscount: money(),
    voidNet: money(),
    voidTax: money(),
    voidCost: money(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day, t.registerId, t.cashierId, t.productId] }),
    index("report_daily_sales_product_idx").on(t.tenantId, t.productId, t.day),
  ],
);

/** Day × hour × register × cashier: tickets and the same money, for tiles and hourly charts. */
export const reportDailyTickets = pgTable(
  "report_daily_tickets",
  {
    tenantId: tenantCol(),
    day: date({ mode: "string" }).notNull(),
    hour: smallint().notNull(),
    registerId: uuid().notNull(),
    cashierId: uuid().notNull(),
    tickets: integer().notNull().default(0),
    offlineTickets: integer().notNull().default(0),
    gross: money(),
    discount: money(),
    net: money(),
    tax: money(),
    cost: money(),
    voidTickets: integer().notNull().default(0),
    voidGross: money(),
    voidDiscount: money(),
    voidNet: money(),
    voidTax: money(),
    voidCost: money(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.hour, t.registerId, t.cashierId] })],
);

/** Day × register × cashier × payment method: money applied to sales (net of change). */
export const reportDailyPayments = pgTable(
  "report_daily_payments",
  {
    tenantId: tenantCol(),
    day: date({ mode: "string" }).notNull(),
    registerId: uuid().notNull(),
    cashierId: uuid().notNull(),
    method: paymentMethod().notNull(),
    payments: integer().notNull().default(0),
    amount: money(),
    voidAmount: money(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.registerId, t.cashierId, t.method] })],
);
