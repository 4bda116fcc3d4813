-- Inventory (issue 4). Idempotent; re-applied after 000_tenancy.sql on every migrate.

-- 1. The ledger is append-only: the database refuses UPDATE, DELETE and TRUNCATE on
--    stock_movements for everyone (owner included; a correction is a new movement).
CREATE OR REPLACE FUNCTION stock_movements_append_only()
RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  RAISE EXCEPTION 'stock_movements is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Record a compensating movement instead.';
END $$;

DROP TRIGGER IF EXISTS stock_movements_no_update_delete ON stock_movements;
CREATE TRIGGER stock_movements_no_update_delete
  BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only();

DROP TRIGGER IF EXISTS stock_movements_no_truncate ON stock_movements;
CREATE TRIGGER stock_movements_no_truncate
  BEFORE TRUNCATE ON stock_movements
  FOR EACH STATEMENT EXECUTE FUNCTION stock_movements_append_only();

-- 2. And the app role may only read and insert it (000_tenancy grants full DML to every
--    tenant table first; this file runs after it, so the narrower grant wins).
DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON stock_movements FROM %I', app);
  EXECUTE format('GRANT SELECT, INSERT ON stock_movements TO %I', app);
  -- Lots and levels are never deleted by the app (history points at them).
  EXECUTE format('REVOKE DELETE, TRUNCATE ON lots, stock_levels FROM %I', app);
END $$;

-- 3. Product name search under RLS. Only leakproof operators may use an index below a
--    row-level-security qual, and LIKE / pg_trgm's % are not leakproof, so the GIN
--    trigram index cannot serve the app role. product_name_trigrams keeps each name's
--    trigrams (3-character windows of its lowercased words) for `=` lookups; the same
--    function splits the search text, so both sides always agree.
CREATE OR REPLACE FUNCTION name_trigrams(p text)
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog AS $$
  SELECT coalesce(array_agg(DISTINCT substr(w, i, 3)), '{}')
  FROM regexp_split_to_table(lower(p), '[^[:alnum:]]+') AS w, generate_series(1, length(w) - 2) AS i
  WHERE length(w) >= 3
$$;

-- New products: written by product_name_search_ins (drizzle/sql/900_ops.sql), which splits each
-- name once for both side tables.
DROP TRIGGER IF EXISTS products_name_trigrams_ins ON products;
DROP FUNCTION IF EXISTS products_name_trigrams_insert();

-- A rename is one row: row-level, fired only when the name changed (WHEN). It was a statement
-- trigger joining its OLD and NEW transition tables, which the planner (no statistics on them)
-- joined by nested loop: a 5,000-row price update took minutes without renaming anything.
CREATE OR REPLACE FUNCTION products_name_trigrams_update()
RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  DELETE FROM product_name_trigrams x WHERE x.tenant_id = NEW.tenant_id AND x.product_id = NEW.id;
  INSERT INTO product_name_trigrams (tenant_id, product_id, trigram)
  SELECT NEW.tenant_id, NEW.id, t FROM unnest(name_trigrams(NEW.name)) AS t
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS products_name_trigrams_upd ON products;
CREATE TRIGGER products_name_trigrams_upd AFTER UPDATE ON products
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION products_name_trigrams_update();
