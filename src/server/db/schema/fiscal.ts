import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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
} from "drizzle-orm/pg-core";
import { tenantCol } from "./columns";

export const fiscalEnvironment = pgEnum("fiscal_environment", ["HOMOLOGATION", "PRODUCTION", "FAKE"]);
export const fiscalIvaCondition = pgEnum("fiscal_iva_condition", ["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO"]);
export const fiscalDocumentStatus = pgEnum("fiscal_document_status", ["PENDING", "ISSUED", "REJECTED", "ERROR"]);
export const fiscalDocumentKind = pgEnum("fiscal_document_kind", ["INVOICE", "CREDIT_NOTE"]);

/** One row per tenant: the emitter's AFIP identity and credentials. */
export const fiscalSettings = pgTable(
  "fiscal_settings",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    cuit: text().notNull(),
    legalName: text().notNull(),
    ivaCondition: fiscalIvaCondition().notNull(),
    activityStartDate: date(),
    grossIncomeNumber: text(),
    address: text(),
    environment: fiscalEnvironment().notNull().default("HOMOLOGATION"),
    /** WSAA certificate (public, PEM). */
    certificatePem: text(),
    /** Private key, AES-256-GCM encrypted with FISCAL_KEY_ENCRYPTION_KEY ("v1:iv:tag:ciphertext", base64). Never sent to the browser. */
    privateKeyEncrypted: text(),
    /** Consumidor final without document allowed up to this total (changes by regulation). */
    anonymousConsumerLimit: numeric({ precision: 14, scale: 2 }).notNull().default("10000000.00"),
    /** Onboarding: a key generated here waiting for ARCA's certificate (encrypted like privateKeyEncrypted), and its CSR. */
    pendingPrivateKeyEncrypted: text(),
    csrPem: text(),
    csrCreatedAt: timestamp({ withTimezone: true }),
    /** CAE issuance failing for availability reasons this long switches a register to its CAEA point of sale. */
    contingencyAfterMinutes: integer().notNull().default(15),
    /** Share of a fortnight's documents ARCA lets a business issue under CAEA (percent; warn at 80 % of it). */
    caeaMaxSharePercent: numeric({ precision: 5, scale: 2 }).notNull().default("10.00"),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("fiscal_settings_tenant_key").on(t.tenantId)],
);

/** AFIP points of sale enabled for web-service invoicing (registers map to one by number). */
export const fiscalPointsOfSale = pgTable(
  "fiscal_points_of_sale",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    number: integer().notNull(),
    name: text().notNull(),
    active: boolean().notNull().default(true),
    /** How ARCA has it registered: CAE (web service, online) or CAEA (contingency, reported afterwards). */
    emissionType: text().$type<"CAE" | "CAEA">().notNull().default("CAE"),
    /** CAEA points of sale: the CAE point of sale whose registers fall back here. */
    fallbackFor: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("fiscal_points_of_sale_number_key").on(t.tenantId, t.number)],
);

/**
 * WSAA access tickets, shared by every worker: one row per tenant + CUIT + service +
 * environment, renewed under a row lock only near expiry (AFIP refuses a second login while
 * a ticket is valid).
 */
export const wsaaTickets = pgTable(
  "wsaa_tickets",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    cuit: text().notNull(),
    service: text().notNull(),
    environment: fiscalEnvironment().notNull(),
    /** Encrypted like the private key (a valid token + sign lets anyone invoice as this CUIT). */
    token: text(),
    sign: text(),
    generatedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    /** Last WSAA fault: after one, wait ≥ 60 s before asking again. */
    lastFault: text(),
    lastFaultAt: timestamp({ withTimezone: true }),
    loginCount: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("wsaa_tickets_key").on(t.tenantId, t.cuit, t.service, t.environment),
  ],
);

export type FiscalLine = { description: string; quantity: string; unitPrice: string; ivaRate: string; lineTotal?: string };
export type FiscalIva = { id: number; rate: string; base: string; amount: string };
export type AfipMsg = { code: number; msg: string };

/** Factura / Nota de Crédito A-B-C. PENDING → ISSUED | REJECTED | ERROR (retryable). */
export const fiscalDocuments = pgTable(
  "fiscal_documents",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    kind: fiscalDocumentKind().notNull(),
    status: fiscalDocumentStatus().notNull().default("PENDING"),
    /** The POS sale (owned by the POS area; plain uuid, no foreign key across areas). */
    saleId: uuid(),
    registerId: uuid(),
    /** Credit notes: the invoice they cancel. */
    originalDocumentId: uuid(),
    /** Emitter fields are resolved from the settings when requested (or at issue time if the settings came later). */
    environment: fiscalEnvironment(),
    emitterCuit: text(),
    pointOfSale: integer().notNull(),
    cbteTipo: integer(),
    /** Assigned under the series lock right before FECAESolicitar; kept while the outcome is unknown. */
    number: bigint({ mode: "number" }),
    concept: integer().notNull().default(1),
    receiverDocType: integer().notNull(),
    receiverDocNumber: text().notNull(),
    receiverIvaCondition: integer().notNull(),
    receiverName: text(),
    /** CbteFch as sent (kept to recover by comparison). */
    issueDate: date(),
    currency: text().notNull().default("PES"),
    lines: jsonb().$type<FiscalLine[]>().notNull(),
    total: numeric({ precision: 14, scale: 2 }).notNull(),
    netAmount: numeric({ precision: 14, scale: 2 }).notNull().default("0"),
    exemptAmount: numeric({ precision: 14, scale: 2 }).notNull().default("0"),
    untaxedAmount: numeric({ precision: 14, scale: 2 }).notNull().default("0"),
    ivaAmount: numeric({ precision: 14, scale: 2 }).notNull().default("0"),
    ivaBreakdown: jsonb().$type<FiscalIva[]>().notNull().default([]),
    cae: text(),
    caeDueDate: date(),
    observations: jsonb().$type<AfipMsg[]>().notNull().default([]),
    errors: jsonb().$type<AfipMsg[]>().notNull().default([]),
    lastError: text(),
    attempts: integer().notNull().default(0),
    /** Last request/response pair (all attempts are in fiscal_document_attempts). */
    requestXml: text(),
    responseXml: text(),
    /** CAE (online) or CAEA (numbered locally in contingency, `cae` holds the CAEA code, reported afterwards). */
    authType: text().$type<"CAE" | "CAEA">().notNull().default("CAE"),
    caeaId: uuid(),
    /** CAEA: when it was generated (CbteFchHsGen). */
    generatedAt: timestamp({ withTimezone: true }),
    /** CAEA reporting (FECAEARegInformativo): PENDING → REPORTED | REJECTED (corrected → PENDING again). */
    reportStatus: text().$type<"PENDING" | "REPORTED" | "REJECTED">(),
    reportErrors: jsonb().$type<AfipMsg[]>().notNull().default([]),
    reportedAt: timestamp({ withTimezone: true }),
    reportAttempts: integer().notNull().default(0),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    issuedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.originalDocumentId], foreignColumns: [t.tenantId, t.id] }),
    // A number belongs to one document per AFIP series: never issued twice.
    uniqueIndex("fiscal_documents_number_key")
      .on(t.tenantId, t.environment, t.emitterCuit, t.pointOfSale, t.cbteTipo, t.number)
      .where(sql`${t.number} is not null`),
    // One invoice and one credit note per sale (requests are idempotent).
    uniqueIndex("fiscal_documents_sale_kind_key").on(t.tenantId, t.saleId, t.kind).where(sql`${t.saleId} is not null`),
    index("fiscal_documents_status_idx").on(t.tenantId, t.status, t.requestedAt),
    index("fiscal_documents_report_idx").on(t.tenantId, t.reportStatus).where(sql`${t.reportStatus} is not null`),
  ],
);

/** Every exchange with AFIP for a document, for audit. */
export const fiscalDocumentAttempts = pgTable(
  "fiscal_document_attempts",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    documentId: uuid().notNull(),
    operation: text().notNull(),
    number: bigint({ mode: "number" }),
    outcome: text().notNull(),
    requestXml: text(),
    responseXml: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.documentId], foreignColumns: [fiscalDocuments.tenantId, fiscalDocuments.id] }).onDelete("cascade"),
    index("fiscal_document_attempts_doc_idx").on(t.tenantId, t.documentId),
  ],
);
