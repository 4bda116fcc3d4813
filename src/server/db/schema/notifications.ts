import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./tenancy";
import { tenantCol } from "./columns";

// In-app notifications of every area (server/notifications/) and their per-user read marks.

/**
 * In-app notifications. `userId` null = for everyone in the business who can see the
 * kind. `dedupeKey` makes each background run idempotent (per tenant and day, per payable
 * and state…).
 */
export const notifications = pgTable(
  "notifications",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    userId: uuid().references((): AnyPgColumn => users.id),
    kind: text().notNull(),
    title: text().notNull(),
    body: text(),
    link: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("notifications_dedupe_key").on(t.tenantId, t.dedupeKey),
    index("notifications_created_idx").on(t.tenantId, t.createdAt),
  ],
);

/** Per-user read marks (a tenant-wide notification is read separately by each user). */
export const notificationReads = pgTable(
  "notification_reads",
  {
    tenantId: tenantCol(),
    notificationId: uuid().notNull(),
    userId: uuid()
      .notNull()
      .references((): AnyPgColumn => users.id),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.notificationId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.notificationId], foreignColumns: [notifications.tenantId, notifications.id] }).onDelete("cascade"),
  ],
);
