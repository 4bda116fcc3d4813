import { numeric, pgEnum, pgTable, primaryKey, foreignKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./tenancy";
import { moneyCol, tenantCol } from "./columns";
import { cashSessions, paymentMethod } from "./pos";

// The blind closing of a cash session (SPEC §4): the total and each payment method declared
// against what was expected, the deviation's class and the supervisor's review.

export const deviationClass = pgEnum("pos_deviation_class", ["NORMAL", "WARNING", "CRITICAL"]);
export const closingReview = pgEnum("pos_closing_review", ["NOT_REQUIRED", "PENDING", "JUSTIFIED"]);

/** Blind closing of a session: what the cashier declared against what was expected. */
export const cashSessionClosings = pgTable(
  "cash_session_closings",
  {
    tenantId: tenantCol(),
    cashSessionId: uuid().notNull(),
    declaredTotal: moneyCol().notNull(),
    expectedTotal: moneyCol().notNull(),
    deviation: moneyCol().notNull(),
    deviationPct: numeric({ precision: 12, scale: 4 }).notNull(),
    /** Worst class among the total and each method. */
    deviationClass: deviationClass().notNull(),
    review: closingReview().notNull(),
    justification: text(),
    justifiedBy: uuid().references(() => users.id),
    justifiedAt: timestamp({ withTimezone: true }),
    declaredBy: uuid()
      .notNull()
      .references(() => users.id),
    declaredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.cashSessionId] }),
    foreignKey({ columns: [t.tenantId, t.cashSessionId], foreignColumns: [cashSessions.tenantId, cashSessions.id] }),
  ],
);

export const cashSessionClosingLines = pgTable(
  "cash_session_closing_lines",
  {
    tenantId: tenantCol(),
    cashSessionId: uuid().notNull(),
    method: paymentMethod().notNull(),
    declared: moneyCol().notNull(),
    expected: moneyCol().notNull(),
    deviation: moneyCol().notNull(),
    deviationPct: numeric({ precision: 12, scale: 4 }).notNull(),
    deviationClass: deviationClass().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.cashSessionId, t.method] }),
    foreignKey({ columns: [t.tenantId, t.cashSessionId], foreignColumns: [cashSessionClosings.tenantId, cashSessionClosings.cashSessionId] }),
  ],
);
