import { sql } from "drizzle-orm";
import { date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";
import { users } from "./tenancy";
import { moneyCol, tenantCol } from "./columns";
import { customers } from "./pos";

// Billing (SPEC §6, seed 002): hotel folios, charges on account or to a room (pending
// billables), billing batches that invoice them through ARCA, and collections.

export const folioStatus = pgEnum("billing_folio_status", ["OPEN", "CLOSED_PAID", "CLOSED_ACCOUNT"]);
export const chargeSource = pgEnum("billing_charge_source", ["ACCOUNT_SALE", "ROOM_SALE", "MANUAL"]);
/** ON_FOLIO: on an open folio; PENDING: billable; INVOICING: in a batch; INVOICED / PAID_AT_CHECKOUT: done. */
export const chargeStatus = pgEnum("billing_charge_status", ["ON_FOLIO", "PENDING", "INVOICING", "INVOICED", "PAID_AT_CHECKOUT", "CANCELLED", "VOIDED"]);
export const batchStatus = pgEnum("billing_batch_status", ["PENDING_PROCESSING", "IN_PROCESS", "PROCESSED", "PROCESSED_WITH_ERRORS", "ERROR", "CANCELLED"]);
export const billingDocumentStatus = pgEnum("billing_document_status", ["QUEUED", "PROCESSING", "ISSUED", "ERROR", "CANCELLED"]);
export const collectionMethod = pgEnum("billing_collection_method", ["CASH", "TRANSFER", "DEBIT", "CREDIT", "CHECK"]);

export type ChargeLine = { description: string; quantity: string; unitPrice: string; lineTotal: string; ivaRate: string; isService: boolean };

/** A hotel stay: room + guest, optionally a company that pays. At most one OPEN folio per room. */
export const folios = pgTable(
  "folios",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    roomNumber: text().notNull(),
    guestName: text().notNull(),
    guestDocNumber: text(),
    checkIn: date().notNull(),
    checkOut: date().notNull(),
    /** The company invoiced at checkout "to account". */
    customerId: uuid(),
    status: folioStatus().notNull().default("OPEN"),
    openedBy: uuid().notNull().references(() => users.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid().references(() => users.id),
    closedAt: timestamp({ withTimezone: true }),
    /** Paid at the desk: the invoice requested then. */
    checkoutDocumentId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    uniqueIndex("folios_open_room_key").on(t.tenantId, t.roomNumber).where(sql`status = 'OPEN'`),
    index("folios_status_idx").on(t.tenantId, t.status, t.openedAt),
  ],
);

/** A charge: a sale on account, a POS charge to a room, or a manual service. Uninvoiced ones are the pending billables. */
export const billingCharges = pgTable(
  "billing_charges",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    source: chargeSource().notNull(),
    status: chargeStatus().notNull(),
    customerId: uuid(),
    folioId: uuid(),
    /** The POS sale that moved the stock (ACCOUNT_SALE / ROOM_SALE). */
    saleId: uuid(),
    description: text().notNull(),
    lines: jsonb().$type<ChargeLine[]>().notNull(),
    total: moneyCol().notNull(),
    /** The day the service was provided or sold: batches select by period on it. */
    chargedOn: date().notNull(),
    reason: text(),
    createdBy: uuid().notNull().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid().references(() => users.id),
    changedAt: timestamp({ withTimezone: true }),
    authorizedBy: uuid().references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    foreignKey({ columns: [t.tenantId, t.folioId], foreignColumns: [folios.tenantId, folios.id] }),
    uniqueIndex("billing_charges_sale_key").on(t.tenantId, t.saleId).where(sql`${t.saleId} is not null`),
    index("billing_charges_status_idx").on(t.tenantId, t.status, t.customerId, t.chargedOn),
    index("billing_charges_folio_idx").on(t.tenantId, t.folioId),
  ],
);

export const billingBatches = pgTable(
  "billing_batches",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    status: batchStatus().notNull().default("PENDING_PROCESSING"),
    pointOfSale: integer().notNull(),
    issueDate: date().notNull(),
    periodFrom: date(),
    periodTo: date(),
    /** The customer set or hand-picked charges the batch was created from (for display). */
    selection: jsonb().$type<{ customerIds?: string[]; chargeIds?: string[] }>().notNull().default({}),
    totalDocuments: integer().notNull().default(0),
    lastError: text(),
    createdBy: uuid().notNull().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("billing_batches_created_idx").on(t.tenantId, t.createdAt)],
);

/** One invoice of a batch (one customer): its own unit of work. */
export const billingDocuments = pgTable(
  "billing_documents",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    batchId: uuid().notNull(),
    customerId: uuid().notNull(),
    fiscalDocumentId: uuid().notNull(),
    status: billingDocumentStatus().notNull().default("QUEUED"),
    total: moneyCol().notNull(),
    issueDate: date().notNull(),
    dueDate: date().notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.batchId], foreignColumns: [billingBatches.tenantId, billingBatches.id] }),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    uniqueIndex("billing_documents_fiscal_key").on(t.tenantId, t.fiscalDocumentId),
    index("billing_documents_batch_idx").on(t.tenantId, t.batchId, t.status),
    index("billing_documents_customer_idx").on(t.tenantId, t.customerId, t.issueDate),
  ],
);

/**
 * Which document invoices a charge. `active` rows are the live invoicing: the partial unique
 * key makes a charge belong to at most one live document, whatever runs concurrently. A
 * document that fails for good deactivates its rows and the charges are billable again.
 */
export const billingDocumentItems = pgTable(
  "billing_document_items",
  {
    tenantId: tenantCol(),
    documentId: uuid().notNull(),
    chargeId: uuid().notNull(),
    active: boolean().notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.documentId, t.chargeId] }),
    foreignKey({ columns: [t.tenantId, t.documentId], foreignColumns: [billingDocuments.tenantId, billingDocuments.id] }),
    foreignKey({ columns: [t.tenantId, t.chargeId], foreignColumns: [billingCharges.tenantId, billingCharges.id] }),
    uniqueIndex("billing_document_items_live_key").on(t.tenantId, t.chargeId).where(sql`active`),
  ],
);

/** Money received from a customer against their account (partial payments allowed). */
export const customerCollections = pgTable(
  "customer_collections",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    customerId: uuid().notNull(),
    receivedOn: date().notNull(),
    method: collectionMethod().notNull(),
    amount: moneyCol().notNull(),
    reference: text(),
    createdBy: uuid().notNull().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    index("customer_collections_customer_idx").on(t.tenantId, t.customerId, t.receivedOn),
  ],
);
