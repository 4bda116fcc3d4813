import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./tenancy";
import { warehouses } from "./warehouses";
import { moneyCol, qtyCol, tenantChildCol, tenantCol, unitCostCol } from "./columns";
import { lots, products } from "./inventory";

// Purchasing: suppliers, orders, receipts and payables (SPEC §7). Alerts live in
// notifications.ts, replenishment in replenishment.ts.


export const purchaseOrderStatus = pgEnum("purchase_order_status", ["DRAFT", "SENT", "PARTIAL", "RECEIVED", "CANCELLED"]);
export const payablePaymentMethod = pgEnum("payable_payment_method", ["CASH", "TRANSFER", "CHECK", "CARD", "OTHER"]);
export type PurchaseOrderStatus = (typeof purchaseOrderStatus.enumValues)[number];
export type PayablePaymentMethod = (typeof payablePaymentMethod.enumValues)[number];

export const suppliers = pgTable(
  "suppliers",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    /** 11 digits, check digit validated by the service. */
    cuit: text().notNull(),
    contactName: text(),
    email: text(),
    phone: text(),
    address: text(),
    /** Days from receipt to the payable's due date. */
    paymentTermsDays: integer().notNull().default(0),
    notes: text(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("suppliers_cuit_key").on(t.tenantId, t.cuit),
    index("suppliers_name_idx").on(t.tenantId, sql`lower(${t.name})`),
    check("suppliers_terms_ck", sql`${t.paymentTermsDays} >= 0 and ${t.paymentTermsDays} <= 365`),
  ],
);

/** The supplier's current price for a product (from price lists or receipts). */
export const supplierProducts = pgTable(
  "supplier_products",
  {
    tenantId: tenantChildCol(),
    supplierId: uuid().notNull(),
    productId: uuid().notNull(),
    /** Price of one pack as the supplier sells it. */
    packCost: unitCostCol().notNull(),
    unitsPerPack: qtyCol().notNull().default("1"),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.supplierId, t.productId] }),
    index("supplier_products_product_idx").on(t.tenantId, t.productId),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }).onDelete("cascade"),
    check("supplier_products_ck", sql`${t.packCost} > 0 and ${t.unitsPerPack} > 0`),
  ],
);

export const purchaseOrders = pgTable(
  "purchase_orders",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    /** Human number per tenant (OC-000123). */
    number: integer().notNull(),
    supplierId: uuid().notNull(),
    warehouseId: uuid().notNull(),
    status: purchaseOrderStatus().notNull().default("DRAFT"),
    /** Snapshot of the supplier when the order was sent. */
    supplierName: text(),
    supplierCuit: text(),
    notes: text(),
    expectedAt: date({ mode: "string" }),
    total: moneyCol().notNull().default("0"),
    sentAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references((): AnyPgColumn => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("purchase_orders_number_key").on(t.tenantId, t.number),
    index("purchase_orders_status_idx").on(t.tenantId, t.status),
    index("purchase_orders_supplier_idx").on(t.tenantId, t.supplierId),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    foreignKey({ columns: [t.tenantId, t.warehouseId], foreignColumns: [warehouses.tenantId, warehouses.id] }),
  ],
);

export const purchaseOrderLines = pgTable(
  "purchase_order_lines",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    orderId: uuid().notNull(),
    position: integer().notNull(),
    productId: uuid().notNull(),
    quantity: qtyCol().notNull(),
    unitCost: unitCostCol().notNull(),
    receivedQuantity: qtyCol().notNull().default("0"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("purchase_order_lines_position_key").on(t.tenantId, t.orderId, t.position),
    index("purchase_order_lines_product_idx").on(t.tenantId, t.productId),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [purchaseOrders.tenantId, purchaseOrders.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    check("purchase_order_lines_ck", sql`${t.quantity} > 0 and ${t.unitCost} >= 0 and ${t.receivedQuantity} >= 0`),
  ],
);

export const goodsReceipts = pgTable(
  "goods_receipts",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    /** Client-generated: the same receipt submitted twice is applied once. */
    idempotencyKey: text().notNull(),
    orderId: uuid(),
    supplierId: uuid().notNull(),
    receivedOn: date({ mode: "string" }).notNull(),
    /** Supplier's invoice / delivery note number. */
    reference: text(),
    total: moneyCol().notNull(),
    createdBy: uuid().references((): AnyPgColumn => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("goods_receipts_idempotency_key").on(t.tenantId, t.idempotencyKey),
    index("goods_receipts_order_idx").on(t.tenantId, t.orderId),
    index("goods_receipts_supplier_idx").on(t.tenantId, t.supplierId, t.receivedOn),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [purchaseOrders.tenantId, purchaseOrders.id] }),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
  ],
);

export const goodsReceiptLines = pgTable(
  "goods_receipt_lines",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    receiptId: uuid().notNull(),
    orderLineId: uuid(),
    productId: uuid().notNull(),
    warehouseId: uuid().notNull(),
    quantity: qtyCol().notNull(),
    unitCost: unitCostCol().notNull(),
    lotNumber: text(),
    expiresAt: date({ mode: "string" }),
    lotId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("goods_receipt_lines_receipt_idx").on(t.tenantId, t.receiptId),
    index("goods_receipt_lines_product_idx").on(t.tenantId, t.productId),
    foreignKey({ columns: [t.tenantId, t.receiptId], foreignColumns: [goodsReceipts.tenantId, goodsReceipts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.orderLineId], foreignColumns: [purchaseOrderLines.tenantId, purchaseOrderLines.id] }),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    foreignKey({ columns: [t.tenantId, t.warehouseId], foreignColumns: [warehouses.tenantId, warehouses.id] }),
    foreignKey({ columns: [t.tenantId, t.lotId], foreignColumns: [lots.tenantId, lots.id] }),
    check("goods_receipt_lines_ck", sql`${t.quantity} > 0 and ${t.unitCost} >= 0`),
  ],
);

/** Account payable: one per goods receipt. Status is derived (see payable-status.ts). */
export const payables = pgTable(
  "payables",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    supplierId: uuid().notNull(),
    receiptId: uuid(),
    reference: text(),
    amount: moneyCol().notNull(),
    balance: moneyCol().notNull(),
    issuedOn: date({ mode: "string" }).notNull(),
    dueOn: date({ mode: "string" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("payables_receipt_key").on(t.tenantId, t.receiptId),
    index("payables_supplier_idx").on(t.tenantId, t.supplierId, t.issuedOn),
    index("payables_open_due_idx").on(t.tenantId, t.dueOn).where(sql`${t.balance} > 0`),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    foreignKey({ columns: [t.tenantId, t.receiptId], foreignColumns: [goodsReceipts.tenantId, goodsReceipts.id] }),
    check("payables_balance_ck", sql`${t.amount} >= 0 and ${t.balance} >= 0 and ${t.balance} <= ${t.amount}`),
  ],
);

export const payablePayments = pgTable(
  "payable_payments",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    payableId: uuid().notNull(),
    amount: moneyCol().notNull(),
    method: payablePaymentMethod().notNull(),
    reference: text(),
    paidOn: date({ mode: "string" }).notNull(),
    createdBy: uuid().references((): AnyPgColumn => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("payable_payments_payable_idx").on(t.tenantId, t.payableId),
    foreignKey({ columns: [t.tenantId, t.payableId], foreignColumns: [payables.tenantId, payables.id] }),
    check("payable_payments_amount_ck", sql`${t.amount} > 0`),
  ],
);
