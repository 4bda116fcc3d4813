-- Operations: fast name search under RLS (see src/server/db/schema/search.ts), the
-- migration state the app role may read for /api/health, cron run claims. Idempotent:
-- re-applied on every migrate.

-- 1. product_name_search / customer_name_search: one row per trigram of an ACTIVE row's
--    name, with the lowercased name beside it (same name_trigrams() as the inventory side
--    table, so the search text and the stored names always split the same way).
-- New products: both side tables (this one and product_name_trigrams, 100_inventory.sql) from
-- ONE split of each name; two triggers split every name twice (5,000 new products of a price
-- list: 80,000 rows, 10,000 name_trigrams() calls).
CREATE OR REPLACE FUNCTION product_name_search_sync()
RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  WITH split AS MATERIALIZED (
    SELECT n.tenant_id, n.id, n.active, lower(n.name) AS name_key, t
    FROM new_rows n, unnest(name_trigrams(n.name)) AS t
  ), searchable AS (
    INSERT INTO product_name_search (tenant_id, product_id, trigram, name_key)
    SELECT s.tenant_id, s.id, s.t, s.name_key FROM split s WHERE s.active
  )
  INSERT INTO product_name_trigrams (tenant_id, product_id, trigram)
  SELECT s.tenant_id, s.id, s.t FROM split s;
  RETURN NULL;
END $$;

-- Updates: row-level, fired only when the name or the active flag changed (WHEN). A statement
-- trigger joining OLD and NEW transition tables was planned as a nested loop (no statistics on
-- them): a bulk update of 5,000 rows took minutes without renaming anything.
CREATE OR REPLACE FUNCTION product_name_search_sync_row()
RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  DELETE FROM product_name_search x WHERE x.tenant_id = NEW.tenant_id AND x.product_id = NEW.id;
  IF NEW.active THEN
    INSERT INTO product_name_search (tenant_id, product_id, trigram, name_key)
    SELECT NEW.tenant_id, NEW.id, t, lower(NEW.name) FROM unnest(name_trigrams(NEW.name)) AS t
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS product_name_search_ins ON products;
CREATE TRIGGER product_name_search_ins AFTER INSERT ON products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_name_search_sync();
DROP TRIGGER IF EXISTS product_name_search_upd ON products;
CREATE TRIGGER product_name_search_upd AFTER UPDATE ON products
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION product_name_search_sync_row();

-- product_name_search and product_name_trigrams carry no foreign keys (derived rows written by
-- these triggers; per-trigram checks were most of a bulk import's time): a deleted product
-- takes its rows with it here. The app deactivates products, it never deletes them.
CREATE OR REPLACE FUNCTION product_name_rows_delete()
RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  DELETE FROM product_name_search x WHERE (x.tenant_id, x.product_id) IN (SELECT o.tenant_id, o.id FROM old_rows o);
  DELETE FROM product_name_trigrams x WHERE (x.tenant_id, x.product_id) IN (SELECT o.tenant_id, o.id FROM old_rows o);
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS products_name_rows_delete ON products;
CREATE TRIGGER products_name_rows_delete AFTER DELETE ON products
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION product_name_rows_delete();

CREATE OR REPLACE FUNCTION customer_name_search_sync()
RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  INSERT INTO customer_name_search (tenant_id, customer_id, trigram, name_key)
  SELECT n.tenant_id, n.id, t, lower(n.name) FROM new_rows n, unnest(name_trigrams(n.name)) AS t
  WHERE n.active
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- Updates: row-level, fired only when the name or the active flag changed (WHEN). A statement
-- trigger joining OLD and NEW transition tables was planned as a nested loop (no statistics on
-- them): a bulk update of 5,000 rows took minutes without renaming anything.
CREATE OR REPLACE FUNCTION customer_name_search_sync_row()
RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  DELETE FROM customer_name_search x WHERE x.tenant_id = NEW.tenant_id AND x.customer_id = NEW.id;
  IF NEW.active THEN
    INSERT INTO customer_name_search (tenant_id, customer_id, trigram, name_key)
    SELECT NEW.tenant_id, NEW.id, t, lower(NEW.name) FROM unnest(name_trigrams(NEW.name)) AS t
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS customer_name_search_ins ON customers;
CREATE TRIGGER customer_name_search_ins AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_name_search_sync();
DROP TRIGGER IF EXISTS customer_name_search_upd ON customers;
CREATE TRIGGER customer_name_search_upd AFTER UPDATE ON customers
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION customer_name_search_sync_row();

-- Backfill rows created before these tables existed. RLS is forced on the owner too, so
-- per tenant under its own app.current_tenant; an anti-join, cheap once filled.
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.current_tenant', t.id::text, true);
    INSERT INTO product_name_search (tenant_id, product_id, trigram, name_key)
    SELECT p.tenant_id, p.id, g, lower(p.name) FROM products p, unnest(name_trigrams(p.name)) AS g
    WHERE p.tenant_id = t.id AND p.active
      AND NOT EXISTS (SELECT 1 FROM product_name_search s WHERE s.tenant_id = p.tenant_id AND s.product_id = p.id)
    ON CONFLICT DO NOTHING;
    INSERT INTO customer_name_search (tenant_id, customer_id, trigram, name_key)
    SELECT c.tenant_id, c.id, g, lower(c.name) FROM customers c, unnest(name_trigrams(c.name)) AS g
    WHERE c.tenant_id = t.id AND c.active
      AND NOT EXISTS (SELECT 1 FROM customer_name_search s WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id)
    ON CONFLICT DO NOTHING;
  END LOOP;
  PERFORM set_config('app.current_tenant', '', true);
END $$;

-- 2. The catalog as first opened (active products by name, no search): page and count from
--    one index, in order, instead of sorting and counting every product row.
CREATE INDEX IF NOT EXISTS products_active_name_idx ON products (tenant_id, lower(name), id) WHERE active;

-- 3. /api/health and /api/ready report the migration state: the app role may read which
--    migrations were applied (nothing else of the drizzle schema).
DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  IF to_regclass('drizzle.__drizzle_migrations') IS NOT NULL THEN
    EXECUTE format('GRANT USAGE ON SCHEMA drizzle TO %I', app);
    EXECUTE format('GRANT SELECT ON drizzle.__drizzle_migrations TO %I', app);
  END IF;
END $$;
