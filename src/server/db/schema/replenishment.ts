import { sql } from "drizzle-orm";
import { check, date, foreignKey, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { qtyCol, tenantCol, unitCostCol } from "./columns";
import { productFamilies, products } from "./inventory";
import { purchaseOrders, suppliers } from "./purchasing";

// Replenishment (SPEC §7): one computation per day and its suggestions, which become orders.

export const suggestionStatus = pgEnum("replenishment_suggestion_status", ["PENDING", "ORDERED", "DISMISSED"]);

/** One replenishment computation per tenant and day (the cron and the "recalcular" button share it). */
export const replenishmentRuns = pgTable(
  "replenishment_runs",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    runOn: date({ mode: "string" }).notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("replenishment_runs_day_key").on(t.tenantId, t.runOn)],
);

export type PresentationOption = {
  productId: string;
  name: string;
  factor: string;
  packs: string;
  lastUnitCost: string | null;
  supplierId: string | null;
};

export const replenishmentSuggestions = pgTable(
  "replenishment_suggestions",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    runId: uuid().notNull(),
    /** A single product, or a family (then productId is the chosen presentation). */
    familyId: uuid(),
    productId: uuid(),
    /** Product or family name at computation time. */
    label: text().notNull(),
    /** Human summary ("5300 g de cacao ≈ 6 × 900 g o 14 × 400 g"). */
    summary: text().notNull(),
    unit: text().notNull(),
    stock: qtyCol().notNull(),
    target: qtyCol().notNull(),
    onOrder: qtyCol().notNull(),
    /** Need in units of the product, or base units of the family. */
    need: qtyCol().notNull(),
    /** Editable: how many of `productId` to order. */
    quantity: qtyCol().notNull(),
    unitCost: unitCostCol(),
    supplierId: uuid(),
    options: jsonb().$type<PresentationOption[]>().notNull().default([]),
    status: suggestionStatus().notNull().default("PENDING"),
    orderId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("replenishment_suggestions_item_key").on(t.tenantId, t.runId, sql`coalesce(${t.familyId}, ${t.productId})`),
    foreignKey({ columns: [t.tenantId, t.runId], foreignColumns: [replenishmentRuns.tenantId, replenishmentRuns.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.familyId], foreignColumns: [productFamilies.tenantId, productFamilies.id] }),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [purchaseOrders.tenantId, purchaseOrders.id] }),
    check("replenishment_suggestions_item_ck", sql`${t.familyId} is not null or ${t.productId} is not null`),
    check("replenishment_suggestions_qty_ck", sql`${t.quantity} >= 0`),
  ],
);
