import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { users } from "./tenancy";
import { registers } from "./registers";
import { warehouses } from "./warehouses";
import { moneyCol, qtyCol, tenantCol, unitCostCol } from "./columns";
import { products } from "./inventory";

// Point of sale and cash (SPEC §4): customers, cash sessions with immutable movements,
// gapless ticket counters, sales (client UUID = idempotency key), blind closings, and the
// stock conflicts that synced offline sales may leave behind. Closings: cash-closings.ts.


export const customerDocType = pgEnum("pos_customer_doc_type", ["CUIT", "CUIL", "DNI", "PASSPORT"]);
export const ivaCondition = pgEnum("pos_iva_condition", [
  "RESPONSABLE_INSCRIPTO",
  "MONOTRIBUTO",
  "EXENTO",
  "CONSUMIDOR_FINAL",
  "NO_CATEGORIZADO",
]);
export const paymentMethod = pgEnum("pos_payment_method", ["CASH", "DEBIT", "CREDIT", "TRANSFER"]);
export const cashSessionStatus = pgEnum("pos_cash_session_status", ["OPEN", "CLOSED"]);
export const cashMovementType = pgEnum("pos_cash_movement_type", ["SALE", "MANUAL_IN", "MANUAL_OUT", "VOID"]);
export const saleStatus = pgEnum("pos_sale_status", ["COMPLETED", "VOIDED"]);
export const saleMode = pgEnum("pos_sale_mode", ["ONLINE", "OFFLINE"]);
export const saleFiscalStatus = pgEnum("pos_sale_fiscal_status", [
  "NOT_REQUIRED", // the register does not issue fiscal documents
  "PENDING", // a document was requested; the fiscal worker issues it after commit
  "ISSUED",
  "CREDIT_NOTE_PENDING", // voided after a document: a credit note must be issued
  "CREDIT_NOTE_ISSUED",
]);
export const stockConflictStatus = pgEnum("pos_stock_conflict_status", ["OPEN", "RESOLVED"]);

/** Customers for Factura A and accounts. */
export const customers = pgTable(
  "customers",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    docType: customerDocType().notNull(),
    docNumber: text().notNull(),
    name: text().notNull(),
    ivaCondition: ivaCondition().notNull(),
    address: text(),
    email: text(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Accounts (billing, SPEC §6): sales on account only when enabled, within the limit.
    accountEnabled: boolean().notNull().default(false),
    creditLimit: moneyCol().notNull().default("0"),
    paymentTermsDays: integer().notNull().default(30),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("customers_doc_key").on(t.tenantId, t.docType, t.docNumber),
    index("customers_name_idx").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

/** Gapless ticket numbers: one row per register, incremented inside the sale transaction. */
export const registerTicketCounters = pgTable(
  "register_ticket_counters",
  {
    tenantId: tenantCol(),
    registerId: uuid().notNull(),
    lastNumber: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.registerId] }),
    foreignKey({ columns: [t.tenantId, t.registerId], foreignColumns: [registers.tenantId, registers.id] }).onDelete("cascade"),
  ],
);

/** A cashier's shift on one register. At most one OPEN per register (partial unique index). */
export const cashSessions = pgTable(
  "cash_sessions",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    registerId: uuid().notNull(),
    status: cashSessionStatus().notNull().default("OPEN"),
    openingFloat: moneyCol().notNull(),
    openedBy: uuid()
      .notNull()
      .references(() => users.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid().references(() => users.id),
    closedAt: timestamp({ withTimezone: true }),
    /** Opened on a terminal without connection (queued, applied on sync). */
    openedOffline: boolean().notNull().default(false),
    /**
     * Synced offline while another session was already open on the register: accepted (the
     * shift happened) and flagged for a supervisor, outside the one-open-per-register key.
     */
    openConflict: boolean().notNull().default(false),
    /** A supervisor's review of an open conflict: who, when and what was decided. */
    conflictResolvedBy: uuid().references(() => users.id),
    conflictResolvedAt: timestamp({ withTimezone: true }),
    conflictResolution: varchar({ length: 500 }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.registerId], foreignColumns: [registers.tenantId, registers.id] }),
    uniqueIndex("cash_sessions_one_open_key").on(t.tenantId, t.registerId).where(sql`status = 'OPEN' and not open_conflict`),
    index("cash_sessions_register_idx").on(t.tenantId, t.registerId, t.openedAt),
  ],
);

/**
 * Immutable (a trigger refuses UPDATE/DELETE). Signed amounts: + money into the drawer or
 * the method's total, − out. A void adds inverse VOID rows instead of touching the SALE rows.
 */
export const cashMovements = pgTable(
  "cash_movements",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    cashSessionId: uuid().notNull(),
    type: cashMovementType().notNull(),
    method: paymentMethod().notNull(),
    amount: moneyCol().notNull(),
    reason: text(),
    saleId: uuid(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.cashSessionId], foreignColumns: [cashSessions.tenantId, cashSessions.id] }),
    index("cash_movements_session_idx").on(t.tenantId, t.cashSessionId),
  ],
);

/**
 * A sale. `id` is the client-generated UUID: (tenant_id, id) is the idempotency key.
 * Totals are stored as computed at sale time; lines keep the price at sale time.
 */
export const sales = pgTable(
  "sales",
  {
    tenantId: tenantCol(),
    id: uuid().notNull(),
    registerId: uuid().notNull(),
    cashSessionId: uuid().notNull(),
    warehouseId: uuid().notNull(),
    ticketNumber: integer().notNull(),
    customerId: uuid(),
    cashierId: uuid()
      .notNull()
      .references(() => users.id),
    mode: saleMode().notNull().default("ONLINE"),
    status: saleStatus().notNull().default("COMPLETED"),
    /** Σ line totals (after line discounts). */
    subtotal: moneyCol().notNull(),
    /** Ticket-level discount amount. */
    discount: moneyCol().notNull().default("0"),
    total: moneyCol().notNull(),
    /** Σ payments tendered. */
    paid: moneyCol().notNull(),
    change: moneyCol().notNull().default("0"),
    /** Σ cost of goods of the lines (lots actually consumed). */
    costTotal: moneyCol().notNull().default("0"),
    /** A synced offline sale oversold: see stock_conflicts. */
    stockConflict: boolean().notNull().default(false),
    fiscalStatus: saleFiscalStatus().notNull().default("NOT_REQUIRED"),
    fiscalDocumentId: uuid(),
    creditNoteDocumentId: uuid(),
    /** When the cashier rang it (client clock; offline sales keep it). */
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /** When the server committed it. */
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    voidedAt: timestamp({ withTimezone: true }),
    voidedBy: uuid().references(() => users.id),
    voidAuthorizedBy: uuid().references(() => users.id),
    voidReason: text(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("sales_ticket_key").on(t.tenantId, t.registerId, t.ticketNumber),
    foreignKey({ columns: [t.tenantId, t.registerId], foreignColumns: [registers.tenantId, registers.id] }),
    foreignKey({ columns: [t.tenantId, t.cashSessionId], foreignColumns: [cashSessions.tenantId, cashSessions.id] }),
    foreignKey({ columns: [t.tenantId, t.warehouseId], foreignColumns: [warehouses.tenantId, warehouses.id] }),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index("sales_session_idx").on(t.tenantId, t.cashSessionId),
    index("sales_created_idx").on(t.tenantId, t.createdAt),
  ],
);

export type ConsumedLot = { lotId: string; quantity: string; unitCost: string };

export const saleLines = pgTable(
  "sale_lines",
  {
    tenantId: tenantCol(),
    saleId: uuid().notNull(),
    lineNo: integer().notNull(),
    productId: uuid().notNull(),
    /** Product name at sale time (tickets and fiscal documents never change afterwards). */
    description: text().notNull(),
    quantity: qtyCol().notNull(),
    unitPrice: unitCostCol().notNull(),
    discount: moneyCol().notNull().default("0"),
    /** quantity × unitPrice − discount. */
    total: moneyCol().notNull(),
    ivaRate: numeric({ precision: 5, scale: 2 }).notNull().default("21"),
    /** Cost of goods from the lots actually consumed. */
    costTotal: moneyCol().notNull().default("0"),
    lots: jsonb().$type<ConsumedLot[]>().notNull().default([]),
    /** Quantity sold without stock (offline oversell or tenant allowing negative stock). */
    shortfall: qtyCol().notNull().default("0"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.saleId, t.lineNo] }),
    foreignKey({ columns: [t.tenantId, t.saleId], foreignColumns: [sales.tenantId, sales.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    index("sale_lines_product_idx").on(t.tenantId, t.productId),
  ],
);

export const salePayments = pgTable(
  "sale_payments",
  {
    tenantId: tenantCol(),
    saleId: uuid().notNull(),
    lineNo: integer().notNull(),
    method: paymentMethod().notNull(),
    /** Tendered. */
    amount: moneyCol().notNull(),
    /** Counted toward the total (tendered minus change for cash). */
    applied: moneyCol().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.saleId, t.lineNo] }),
    foreignKey({ columns: [t.tenantId, t.saleId], foreignColumns: [sales.tenantId, sales.id] }).onDelete("cascade"),
  ],
);

/** Oversold quantities from synced offline sales (or allowed negative stock), for supervisor review. */
export const stockConflicts = pgTable(
  "stock_conflicts",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    saleId: uuid().notNull(),
    lineNo: integer().notNull(),
    productId: uuid().notNull(),
    warehouseId: uuid().notNull(),
    requested: qtyCol().notNull(),
    shortfall: qtyCol().notNull(),
    status: stockConflictStatus().notNull().default("OPEN"),
    resolution: text(),
    resolvedBy: uuid().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.saleId, t.lineNo], foreignColumns: [saleLines.tenantId, saleLines.saleId, saleLines.lineNo] }),
    foreignKey({ columns: [t.tenantId, t.warehouseId], foreignColumns: [warehouses.tenantId, warehouses.id] }),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    index("stock_conflicts_status_idx").on(t.tenantId, t.status, t.createdAt),
  ],
);
