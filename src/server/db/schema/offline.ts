import { index, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./tenancy";
import { tenantCol } from "./columns";

// Offline POS (issue 6). One row per sync batch a register sent: an audit trail of what each
// device delivered and how the server answered. Its durable commit also makes the batch's
// sale transactions durable (they commit with synchronous_commit off; see sync-sales-batch.ts).
export const offlineSyncBatches = pgTable(
  "offline_sync_batches",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    sales: integer().notNull(),
    accepted: integer().notNull(),
    conflicts: integer().notNull(),
    duplicates: integer().notNull(),
    refused: integer().notNull(),
    errors: integer().notNull(),
    durationMs: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("offline_sync_batches_created_idx").on(t.tenantId, t.createdAt)],
);
