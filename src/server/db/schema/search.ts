import { foreignKey, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tenantCol, tenantDefault } from "./columns";
import { customers } from "./pos";

/*
 * Name search that stays fast under row-level security. Under RLS only leakproof operators
 * may use an index (LIKE and pg_trgm's operators are not), so each ACTIVE row's lowercased
 * name is stored once per trigram of its words, next to the name itself. A search takes the
 * rarest trigram of the text, walks that trigram's slice of the covering index in name
 * order (`=` and btree order only: usable under RLS) and checks `name_key LIKE` on the
 * index tuples, without touching the products/customers heap; only the shown page is
 * joined. Maintained by triggers (drizzle/sql/900_ops.sql); inactive rows have none.
 */
export const productNameSearch = pgTable(
  "product_name_search",
  {
    // Derived rows, written only by the products triggers from the product row itself: no
    // foreign keys to re-check that per trigram (a 5,000-product import writes ~40,000 rows
    // here and paid two checks each); a deleted product's rows go with it by trigger.
    tenantId: uuid().notNull().$defaultFn(tenantDefault),
    productId: uuid().notNull(),
    trigram: text().notNull(),
    /** lower(products.name): filtered with LIKE and sorted on, straight from the index. */
    nameKey: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.productId, t.trigram] }),
    index("product_name_search_scan_idx").on(t.tenantId, t.trigram, t.nameKey, t.productId),
  ],
);

export const customerNameSearch = pgTable(
  "customer_name_search",
  {
    tenantId: tenantCol(),
    customerId: uuid().notNull(),
    trigram: text().notNull(),
    nameKey: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId, t.trigram] }),
    index("customer_name_search_scan_idx").on(t.tenantId, t.trigram, t.nameKey, t.customerId),
    foreignKey({ name: "customer_name_search_customer_fk", columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete(
      "cascade",
    ),
  ],
);
