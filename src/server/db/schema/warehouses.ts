import { sql } from "drizzle-orm";
import { boolean, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantCol } from "./columns";

export const warehouses = pgTable(
  "warehouses",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    isDefault: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("warehouses_name_key").on(t.tenantId, t.name),
    // Exactly one main warehouse per business: switching it is one conditional update.
    uniqueIndex("warehouses_one_default_key").on(t.tenantId).where(sql`${t.isDefault}`),
  ],
);
