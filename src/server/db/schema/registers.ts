import { boolean, foreignKey, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantCol } from "./columns";
import { warehouses } from "./warehouses";

/** A point of sale: sells from one warehouse, maps to an AFIP point-of-sale number. */
export const registers = pgTable(
  "registers",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    warehouseId: uuid().notNull(),
    afipPointOfSale: integer().notNull().default(1),
    active: boolean().notNull().default(true),
    /** Sales on this register need an AFIP document (fiscal status PENDING at sale time). */
    fiscalEnabled: boolean().notNull().default(false),
    /** The terminal prints the ticket by itself after each sale (otherwise on a key). */
    autoPrint: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("registers_name_key").on(t.tenantId, t.name),
    foreignKey({ columns: [t.tenantId, t.warehouseId], foreignColumns: [warehouses.tenantId, warehouses.id] }),
  ],
);
