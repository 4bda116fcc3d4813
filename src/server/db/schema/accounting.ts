import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
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
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./tenancy";
import { moneyCol, tenantCol } from "./columns";
import { goodsReceipts, payables, suppliers } from "./purchasing";

// What the accountant needs (SPEC §6): supplier invoices with their fiscal data (the purchases
// VAT book), a per-tenant chart of accounts with a mapping from Mostrador's events, journal
// entries derived from source documents, and the history of exports.

/** One journal line: account id, debit, credit (decimal strings, one of them "0.00"), memo. */
export type JournalLineJson = { a: string; d: string; c: string; m: string | null };

export const ledgerAccountType = pgEnum("ledger_account_type", ["ASSET", "LIABILITY", "EQUITY", "REVENUE", "EXPENSE"]);
export const perceptionKind = pgEnum("supplier_invoice_perception_kind", ["IVA", "IIBB", "MUNICIPAL", "NATIONAL", "INTERNAL", "OTHER"]);
export const journalEntryRole = pgEnum("journal_entry_role", ["ORIGINAL", "REVERSAL"]);

/** A supplier's document as received (Factura A/B/C, notas de crédito y débito, tickets). */
export const supplierInvoices = pgTable(
  "supplier_invoices",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    supplierId: uuid().notNull(),
    payableId: uuid(),
    receiptId: uuid(),
    /** ARCA comprobante code (1 Factura A, 6 Factura B, 11 Factura C, 3 NC A …). */
    cbteTipo: integer().notNull(),
    pointOfSale: integer().notNull(),
    number: bigint({ mode: "number" }).notNull(),
    issueDate: date({ mode: "string" }).notNull(),
    /** The supplier's CUIT as printed on the document (11 digits, check digit validated). */
    supplierCuit: text().notNull(),
    supplierName: text().notNull(),
    /** Net taxed amounts are in supplier_invoice_vat (one row per rate). */
    netTaxed: moneyCol().notNull().default("0"),
    vatTotal: moneyCol().notNull().default("0"),
    exempt: moneyCol().notNull().default("0"),
    nonTaxed: moneyCol().notNull().default("0"),
    perceptionsTotal: moneyCol().notNull().default("0"),
    total: moneyCol().notNull(),
    /** Services and expenses entered by hand: the expense account to debit instead of inventory. */
    expenseAccountId: uuid(),
    notes: text(),
    createdBy: uuid().references((): AnyPgColumn => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // The same supplier document is never entered twice.
    uniqueIndex("supplier_invoices_document_key").on(t.tenantId, t.supplierCuit, t.cbteTipo, t.pointOfSale, t.number),
    index("supplier_invoices_date_idx").on(t.tenantId, t.issueDate),
    uniqueIndex("supplier_invoices_payable_key").on(t.tenantId, t.payableId),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    foreignKey({ columns: [t.tenantId, t.payableId], foreignColumns: [payables.tenantId, payables.id] }),
    foreignKey({ columns: [t.tenantId, t.receiptId], foreignColumns: [goodsReceipts.tenantId, goodsReceipts.id] }),
    foreignKey({ columns: [t.tenantId, t.expenseAccountId], foreignColumns: [ledgerAccounts.tenantId, ledgerAccounts.id] }),
    check("supplier_invoices_amounts_ck", sql`${t.total} >= 0 and ${t.netTaxed} >= 0 and ${t.vatTotal} >= 0 and ${t.exempt} >= 0 and ${t.nonTaxed} >= 0 and ${t.perceptionsTotal} >= 0`),
    check("supplier_invoices_pos_ck", sql`${t.pointOfSale} between 0 and 99999 and ${t.number} between 1 and 99999999`),
  ],
);

/** Net and IVA per rate (ARCA alícuota id: 3 = 0 %, 4 = 10,5 %, 5 = 21 %, 6 = 27 %, 8 = 5 %, 9 = 2,5 %). */
export const supplierInvoiceVat = pgTable(
  "supplier_invoice_vat",
  {
    tenantId: tenantCol(),
    invoiceId: uuid().notNull(),
    alicuotaId: integer().notNull(),
    rate: numeric({ precision: 5, scale: 2 }).notNull(),
    net: moneyCol().notNull(),
    vat: moneyCol().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.invoiceId, t.alicuotaId] }),
    foreignKey({ columns: [t.tenantId, t.invoiceId], foreignColumns: [supplierInvoices.tenantId, supplierInvoices.id] }).onDelete("cascade"),
    check("supplier_invoice_vat_ck", sql`${t.net} >= 0 and ${t.vat} >= 0`),
  ],
);

/** Percepciones and other taxes on a supplier document (IIBB by jurisdiction). */
export const supplierInvoicePerceptions = pgTable(
  "supplier_invoice_perceptions",
  {
    tenantId: tenantCol(),
    invoiceId: uuid().notNull(),
    lineNo: integer().notNull(),
    kind: perceptionKind().notNull(),
    /** IIBB: the province (e.g. "901 CABA", "902 Buenos Aires"); free text, short. */
    jurisdiction: text(),
    amount: moneyCol().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.invoiceId, t.lineNo] }),
    foreignKey({ columns: [t.tenantId, t.invoiceId], foreignColumns: [supplierInvoices.tenantId, supplierInvoices.id] }).onDelete("cascade"),
    check("supplier_invoice_perceptions_ck", sql`${t.amount} > 0`),
  ],
);

/** The tenant's chart of accounts (a small Argentine default is created on first use). */
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    type: ledgerAccountType().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("ledger_accounts_code_key").on(t.tenantId, t.code)],
);

/**
 * Mostrador event → account ("payment.CASH", "vat.debit.21", "inventory", "rounding" …).
 * `scope` narrows a key (a warehouse id for "inventory"); '' is the default.
 */
export const accountMappings = pgTable(
  "account_mappings",
  {
    tenantId: tenantCol(),
    key: text().notNull(),
    scope: text().notNull().default(""),
    accountId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.key, t.scope] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [ledgerAccounts.tenantId, ledgerAccounts.id] }),
  ],
);

/** A batch of entries handed to the accountant: re-downloading it reproduces the same file. */
export const accountingExports = pgTable(
  "accounting_exports",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    /** Human number per tenant (EXP-000012). */
    number: integer().notNull(),
    periodFrom: date({ mode: "string" }).notNull(),
    periodTo: date({ mode: "string" }).notNull(),
    entryCount: integer().notNull(),
    totalDebit: moneyCol().notNull(),
    totalCredit: moneyCol().notNull(),
    /**
     * The export's watermark: it holds every entry not exported before with `seq` up to this and
     * dated up to `periodTo` (export-membership.ts). Null on exports made before watermarks,
     * whose entries carry `journal_entries.export_id`.
     */
    seqHi: bigint({ mode: "number" }),
    createdBy: uuid().references((): AnyPgColumn => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("accounting_exports_number_key").on(t.tenantId, t.number)],
);

/**
 * One entry per source document and role: the unique key makes generation idempotent, and a
 * document changed after export (a void) gets its REVERSAL entry in a later export.
 */
export const journalEntries = pgTable(
  "journal_entries",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    sourceType: text().notNull(),
    sourceId: uuid().notNull(),
    role: journalEntryRole().notNull().default("ORIGINAL"),
    entryDate: date({ mode: "string" }).notNull(),
    description: text().notNull(),
    /** Only on entries exported before watermarks (accounting_exports.seq_hi); new exports write nothing here. */
    exportId: uuid(),
    /** Insertion order, drawn under the tenant's accounting lock (generate-journal.ts): an export covers entries by range. */
    seq: bigint({ mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    /**
     * The entry's lines in order: account id, debit and credit as decimal strings, memo. Kept
     * on the entry (not one row per line): a month of 100,000 documents is ~700,000 lines, and
     * a row per line paid three foreign-key checks each. Accounts are never deleted (only
     * deactivated), so the ids stay valid.
     */
    lines: jsonb().$type<JournalLineJson[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("journal_entries_source_key").on(t.tenantId, t.sourceType, t.sourceId, t.role),
    index("journal_entries_unexported_idx").on(t.tenantId, t.entryDate).where(sql`${t.exportId} is null`),
    index("journal_entries_export_idx").on(t.tenantId, t.exportId).where(sql`${t.exportId} is not null`),
    index("journal_entries_seq_idx").on(t.tenantId, t.seq),
    foreignKey({ columns: [t.tenantId, t.exportId], foreignColumns: [accountingExports.tenantId, accountingExports.id] }),
  ],
);
