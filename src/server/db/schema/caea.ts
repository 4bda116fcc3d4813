import { bigint, date, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantCol } from "./columns";
import { fiscalEnvironment, type AfipMsg } from "./fiscal";

/** One CAEA per business (CUIT + environment), period (yyyymm) and fortnight, as ARCA granted it. */
export const fiscalCaeas = pgTable(
  "fiscal_caeas",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    environment: fiscalEnvironment().notNull(),
    cuit: text().notNull(),
    period: integer().notNull(),
    fortnight: smallint().notNull(),
    caea: text().notNull(),
    validFrom: date().notNull(),
    validTo: date().notNull(),
    /** FchTopeInf: every document issued under it must be reported by this day. */
    reportDeadline: date().notNull(),
    processedOn: date(),
    observations: jsonb().$type<AfipMsg[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("fiscal_caeas_period_key").on(t.tenantId, t.environment, t.cuit, t.period, t.fortnight)],
);

/** Local numbering of CAEA documents: one row per series, incremented inside the sale's transaction (gapless). */
export const fiscalCaeaCounters = pgTable(
  "fiscal_caea_counters",
  {
    tenantId: tenantCol(),
    environment: fiscalEnvironment().notNull(),
    cuit: text().notNull(),
    pointOfSale: integer().notNull(),
    cbteTipo: integer().notNull(),
    lastNumber: bigint({ mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.environment, t.cuit, t.pointOfSale, t.cbteTipo] })],
);

/**
 * A register's contingency: OFF (CAE), AUTO (CAE unavailable longer than the configured time)
 * or MANUAL (a supervisor's decision). `unavailableSince` is the first availability failure of
 * the current outage; cleared when ARCA answers again.
 */
export const fiscalRegisterContingency = pgTable(
  "fiscal_register_contingency",
  {
    tenantId: tenantCol(),
    registerId: uuid().notNull(),
    mode: text().$type<"OFF" | "AUTO" | "MANUAL">().notNull().default("OFF"),
    unavailableSince: timestamp({ withTimezone: true }),
    since: timestamp({ withTimezone: true }),
    reason: text(),
    changedBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.registerId] })],
);

/** FECAEASinMovimientoInformar per CAEA and idle CAEA point of sale (never sent twice). */
export const fiscalCaeaNoMovement = pgTable(
  "fiscal_caea_no_movement",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    caeaId: uuid().notNull(),
    pointOfSale: integer().notNull(),
    result: text().notNull(),
    errors: jsonb().$type<AfipMsg[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("fiscal_caea_no_movement_key").on(t.tenantId, t.caeaId, t.pointOfSale)],
);

/** ARCA's parameter tables cached per business (FEParamGetPtosVenta, FEParamGetCondicionIvaReceptor), refreshed daily. */
export const fiscalParameters = pgTable(
  "fiscal_parameters",
  {
    tenantId: tenantCol(),
    environment: fiscalEnvironment().notNull(),
    cuit: text().notNull(),
    kind: text().$type<"POINTS_OF_SALE" | "RECEIVER_IVA_CONDITIONS">().notNull(),
    data: jsonb().$type<unknown[]>().notNull(),
    fetchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.environment, t.cuit, t.kind] })],
);

/**
 * Issuance lease per ARCA series: a row taken with one conditional statement and released with
 * another, so it works behind a transaction-mode pooler (no session state, no transaction held
 * across ARCA calls). An expired lease (crashed worker) is taken over.
 */
export const fiscalSeriesLeases = pgTable(
  "fiscal_series_leases",
  {
    tenantId: tenantCol(),
    seriesKey: text().notNull(),
    holder: uuid().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.seriesKey] })],
);
