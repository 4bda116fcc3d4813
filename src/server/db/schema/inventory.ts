import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
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
import { tenants, users } from "./tenancy";
import { warehouses } from "./warehouses";
import { moneyCol, qtyCol, tenantDefault, unitCostCol, tenantChildCol, tenantCol } from "./columns";

// Catalog and stock ledger (SPEC §3). Lots are the stock; stock_levels is a per
// product × warehouse cache that always equals the sum of its lots and is the row every
// stock writer locks first; stock_movements is append-only (drizzle/sql/100_inventory.sql).


export const familyBaseUnit = pgEnum("family_base_unit", ["g", "ml", "unit"]);
export const movementType = pgEnum("movement_type", ["IN", "OUT", "TRANSFER", "SALE", "CONSUME", "AUDIT", "UNPACK", "RETURN"]);
export const destinationType = pgEnum("destination_type", ["KITCHEN", "ROOM", "CUSTOMER", "INTERNAL"]);

export type MovementType = (typeof movementType.enumValues)[number];
export type DestinationType = (typeof destinationType.enumValues)[number];

/** Hierarchical: a category may have a parent in the same tenant. */
export const categories = pgTable(
  "categories",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    parentId: uuid(),
    name: text().notNull(),
    /** Inactive categories stay on their products but are not offered for new ones. */
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    uniqueIndex("categories_parent_name_key")
      .on(t.tenantId, sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`, sql`lower(${t.name})`),
  ],
);

/** Products that are the same good in different sizes; stock is compared in base units. */
export const productFamilies = pgTable(
  "product_families",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    baseUnit: familyBaseUnit().notNull(),
    /** Target stock in base units (e.g. 10000 g of cocoa). */
    targetStock: qtyCol().notNull().default("0"),
    /** Inactive families are left out of replenishment and not offered for new members. */
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("product_families_name_key").on(t.tenantId, sql`lower(${t.name})`)],
);

export const products = pgTable(
  "products",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    sku: text().notNull(),
    name: text().notNull(),
    description: text(),
    categoryId: uuid(),
    /** Family membership: one family per product, with its conversion factor to base units. */
    familyId: uuid(),
    conversionFactor: numeric({ precision: 14, scale: 4 }),
    /** Unit of sale/stock, free text ("u", "kg", "l", "botella"). */
    unit: text().notNull().default("u"),
    salePrice: moneyCol().notNull().default("0"),
    ivaRate: numeric({ precision: 5, scale: 2 }).notNull().default("21"),
    stockMin: qtyCol().notNull().default("0"),
    stockIdeal: qtyCol().notNull().default("0"),
    stockMax: qtyCol().notNull().default("0"),
    isService: boolean().notNull().default(false),
    hasExpiry: boolean().notNull().default(false),
    trackBatches: boolean().notNull().default(false),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("products_sku_key").on(t.tenantId, sql`lower(${t.sku})`),
    // Plain sku lookups: under RLS only leakproof operators (texteq) can use an index.
    index("products_sku_idx").on(t.tenantId, t.sku),
    index("products_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    index("products_name_idx").on(t.tenantId, sql`lower(${t.name})`),
    index("products_category_idx").on(t.tenantId, t.categoryId),
    index("products_family_idx").on(t.tenantId, t.familyId),
    foreignKey({ columns: [t.tenantId, t.categoryId], foreignColumns: [categories.tenantId, categories.id] }),
    foreignKey({ columns: [t.tenantId, t.familyId], foreignColumns: [productFamilies.tenantId, productFamilies.id] }),
    check("products_family_factor_ck", sql`${t.familyId} is null or ${t.conversionFactor} > 0`),
    check("products_iva_ck", sql`${t.ivaRate} >= 0 and ${t.ivaRate} <= 100`),
    check("products_price_ck", sql`${t.salePrice} >= 0`),
  ],
);

/**
 * The trigrams of each product's lowercased name (pg_trgm's show_trgm), kept by a trigger
 * (drizzle/sql/100_inventory.sql). Name search looks trigrams up here with `=` because under
 * row-level security Postgres only lets leakproof operators use an index, and LIKE / `%`
 * are not leakproof: the GIN trigram index on products.name serves owner/maintenance
 * queries, this table serves the app role.
 */
export const productNameTrigrams = pgTable(
  "product_name_trigrams",
  {
    // Derived rows kept by trigger: no foreign keys (see product_name_search in search.ts).
    tenantId: uuid().notNull().$defaultFn(tenantDefault),
    productId: uuid().notNull(),
    trigram: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.productId, t.trigram] }),
    // Covering: a lookup is an index-only scan (rows of one trigram are scattered on the heap).
    index("product_name_trigrams_lookup_idx").on(t.tenantId, t.trigram, t.productId),
  ],
);

export const productBarcodes = pgTable(
  "product_barcodes",
  {
    tenantId: tenantChildCol(),
    id: uuid().notNull().defaultRandom(),
    productId: uuid().notNull(),
    barcode: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("product_barcodes_barcode_key").on(t.tenantId, t.barcode),
    index("product_barcodes_product_idx").on(t.tenantId, t.productId),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }).onDelete("cascade"),
  ],
);

/** A parent product that contains `unitsPerParent` of a child (six-pack → bottles). */
export const packs = pgTable(
  "packs",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    parentProductId: uuid().notNull(),
    childProductId: uuid().notNull(),
    unitsPerParent: qtyCol().notNull(),
    /** Selling the child short opens parents automatically only while this is on. */
    autoUnpack: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // One pack per child, so auto-unpack knows which parent to open.
    uniqueIndex("packs_child_key").on(t.tenantId, t.childProductId),
    index("packs_parent_idx").on(t.tenantId, t.parentProductId),
    foreignKey({ columns: [t.tenantId, t.parentProductId], foreignColumns: [products.tenantId, products.id] }),
    foreignKey({ columns: [t.tenantId, t.childProductId], foreignColumns: [products.tenantId, products.id] }),
    check("packs_units_ck", sql`${t.unitsPerParent} > 0`),
    check("packs_distinct_ck", sql`${t.parentProductId} <> ${t.childProductId}`),
  ],
);

/**
 * A batch: the stock itself. `quantity` is what remains. A deficit lot (one per product ×
 * warehouse at most) holds oversold quantity (negative) from offline/allowNegative exits
 * until the next receipt fills it.
 */
export const lots = pgTable(
  "lots",
  {
    tenantId: tenantCol(),
    id: uuid().notNull().defaultRandom(),
    /** Creation order: the FIFO tie-break between lots received at the same instant. */
    seq: bigint({ mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    productId: uuid().notNull(),
    warehouseId: uuid().notNull(),
    lotNumber: text(),
    initialQuantity: qtyCol().notNull(),
    quantity: qtyCol().notNull(),
    unitCost: unitCostCol().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: date({ mode: "string" }),
    /** The lot this one came from (transfer to another warehouse, unpack of a parent). */
    originLotId: uuid(),
    isDeficit: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    foreignKey({ columns: [t.tenantId, t.warehouseId], foreignColumns: [warehouses.tenantId, warehouses.id] }),
    foreignKey({ columns: [t.tenantId, t.originLotId], foreignColumns: [t.tenantId, t.id] }),
    // FEFO/FIFO pick: open lots of a product in a warehouse.
    index("lots_pick_idx")
      .on(t.tenantId, t.productId, t.warehouseId, t.expiresAt, t.receivedAt)
      .where(sql`${t.quantity} <> 0`),
    index("lots_expiry_idx").on(t.tenantId, t.expiresAt).where(sql`${t.quantity} > 0 and ${t.expiresAt} is not null`),
    uniqueIndex("lots_deficit_key").on(t.tenantId, t.productId, t.warehouseId).where(sql`${t.isDeficit}`),
    check("lots_quantity_sign_ck", sql`(${t.isDeficit} and ${t.quantity} <= 0) or (not ${t.isDeficit} and ${t.quantity} >= 0)`),
    check("lots_unit_cost_ck", sql`${t.unitCost} >= 0`),
  ],
);

/** Per product × warehouse stock: Σ lots.quantity, kept by the inventory service; the lock row. */
export const stockLevels = pgTable(
  "stock_levels",
  {
    tenantId: tenantCol(),
    productId: uuid().notNull(),
    warehouseId: uuid().notNull(),
    quantity: qtyCol().notNull().default("0"),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.productId, t.warehouseId] }),
    index("stock_levels_warehouse_idx").on(t.tenantId, t.warehouseId),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    foreignKey({ columns: [t.tenantId, t.warehouseId], foreignColumns: [warehouses.tenantId, warehouses.id] }),
  ],
);

/**
 * The append-only ledger. `quantity` is signed (+ in, − out) for the warehouse
 * `warehouseId`; `counterpartWarehouseId` is the other end of a transfer.
 * `stockBefore`/`stockAfter` are the product × warehouse level around this line.
 */
export const stockMovements = pgTable(
  "stock_movements",
  {
    // No cascade: the ledger is append-only and outlives nothing by accident.
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id)
      .$defaultFn(tenantDefault),
    id: uuid().notNull().defaultRandom(),
    /** Insertion order (created_at is the transaction's start, shared by its lines). */
    seq: bigint({ mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    type: movementType().notNull(),
    productId: uuid().notNull(),
    warehouseId: uuid().notNull(),
    lotId: uuid(),
    quantity: qtyCol().notNull(),
    unitCost: unitCostCol().notNull(),
    stockBefore: qtyCol().notNull(),
    stockAfter: qtyCol().notNull(),
    counterpartWarehouseId: uuid(),
    destinationType: destinationType(),
    reference: text(),
    /** The document that caused it: "SALE", "PURCHASE_RECEIPT", "COUNT", … and its id. */
    sourceType: text(),
    sourceId: text(),
    /** Groups the lines of one operation (a transfer's two ends, an unpack). */
    operationId: uuid().notNull(),
    /** Quantity sold without stock (allowNegative / offline sync): a conflict to review. */
    isShortfall: boolean().notNull().default(false),
    userId: uuid().references((): AnyPgColumn => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: "stock_movements_product_fk", columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    foreignKey({ name: "stock_movements_warehouse_fk", columns: [t.tenantId, t.warehouseId], foreignColumns: [warehouses.tenantId, warehouses.id] }),
    foreignKey({
      name: "stock_movements_counterpart_fk",
      columns: [t.tenantId, t.counterpartWarehouseId],
      foreignColumns: [warehouses.tenantId, warehouses.id],
    }),
    foreignKey({ name: "stock_movements_lot_fk", columns: [t.tenantId, t.lotId], foreignColumns: [lots.tenantId, lots.id] }),
    index("stock_movements_product_idx").on(t.tenantId, t.productId, t.seq),
    index("stock_movements_warehouse_idx").on(t.tenantId, t.warehouseId, t.createdAt),
    index("stock_movements_created_idx").on(t.tenantId, t.createdAt),
    index("stock_movements_source_idx").on(t.tenantId, t.sourceType, t.sourceId),
    index("stock_movements_lot_idx").on(t.tenantId, t.lotId),
    check("stock_movements_quantity_ck", sql`${t.quantity} <> 0`),
  ],
);
