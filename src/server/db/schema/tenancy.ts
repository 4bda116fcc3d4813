import { sql } from "drizzle-orm";
import { boolean, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const tenantKind = pgEnum("tenant_kind", ["HOTEL", "RESTAURANT", "RETAIL"]);
export const memberRole = pgEnum("member_role", [
  "OWNER",
  "ADMIN",
  "MANAGER",
  "SUPERVISOR",
  "CASHIER",
  "OPERATOR",
  "AUDITOR",
  "VIEWER",
]);

export type TenantSettings = {
  currency: "ARS";
  timezone: string;
  locale: "es-AR";
  /** Online sales may leave stock negative (offline sync always may, flagged as conflict). */
  allowNegativeStock?: boolean;
  /** Days ahead for expiring-lot alerts. */
  expiryAlertDays?: number;
};

/** A business. Not a tenant table itself: its RLS policy keys on its own id. */
export const tenants = pgTable("tenants", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  kind: tenantKind().notNull(),
  settings: jsonb().$type<TenantSettings>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Global identities: one login, many businesses. Read only through RLS (own row) or login lookup. */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    /** Bumped on password change / forced sign-out; JWTs carrying an older version stop working. */
    sessionVersion: integer().notNull().default(1),
    disabled: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: memberRole().notNull(),
    /** The member's handle in this business: screens and procedures never carry another person's user id. */
    id: uuid().notNull().defaultRandom(),
    /** A disabled member keeps their row (history) but cannot enter this business. */
    disabled: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), uniqueIndex("memberships_id_key").on(t.tenantId, t.id)],
);

/** Failed sign-in counters per account and per IP (global, no tenant). */
export const loginAttempts = pgTable("login_attempts", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStart: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});
