-- Offline POS (issue 6). Idempotent; re-applied on every migrate after 000_tenancy.sql.
--
-- The registers keep a local copy of the catalog and pull "products changed since a cursor"
-- (products.updated_at, id). For that cursor to be trustworthy every change must bump
-- updated_at, whoever makes it: raw SQL updates included, and barcode changes (which live in
-- product_barcodes) must touch their product.

CREATE OR REPLACE FUNCTION offline_products_touch() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  -- clock_timestamp(), not now(): a long transaction must not stamp rows with its start time.
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS products_offline_touch ON products;
CREATE TRIGGER products_offline_touch BEFORE UPDATE ON products
  FOR EACH ROW EXECUTE FUNCTION offline_products_touch();

-- Statement-level with transition tables: one UPDATE per statement, not one per barcode row
-- (a 5,000-product price-list import ran 5,000 UPDATEs of products, each firing the name-search
-- statement triggers over their side tables: 149 s).
-- A product row written by this very transaction (xmin = its xid: created here, or already
-- updated here and stamped by products_offline_touch) is left alone: no register can see it
-- before the commit, it then arrives with its barcodes, and its updated_at was stamped by this
-- transaction like any new product's (the delta's horizon covers the gap to the commit).
-- Touching it anyway rewrote every product a price list creates (a second row version in each
-- products index, the tenant foreign key checked again, the update triggers fired): 0.6–1.1 s
-- of a 5,000-new-product apply. Products written in a subtransaction are touched (harmless).
CREATE OR REPLACE FUNCTION offline_barcodes_touch_product() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE mine xid := pg_current_xact_id()::xid;
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE public.products p SET updated_at = clock_timestamp()
    FROM (SELECT DISTINCT tenant_id, product_id FROM new_rows) n
    WHERE p.tenant_id = n.tenant_id AND p.id = n.product_id AND NOT p.xmin = mine;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE public.products p SET updated_at = clock_timestamp()
    FROM (SELECT DISTINCT tenant_id, product_id FROM old_rows) o
    WHERE p.tenant_id = o.tenant_id AND p.id = o.product_id AND NOT p.xmin = mine;
  ELSE
    UPDATE public.products p SET updated_at = clock_timestamp()
    FROM (SELECT tenant_id, product_id FROM old_rows UNION SELECT tenant_id, product_id FROM new_rows) x
    WHERE p.tenant_id = x.tenant_id AND p.id = x.product_id AND NOT p.xmin = mine;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS product_barcodes_offline_touch ON product_barcodes;
DROP TRIGGER IF EXISTS product_barcodes_offline_touch_ins ON product_barcodes;
DROP TRIGGER IF EXISTS product_barcodes_offline_touch_upd ON product_barcodes;
DROP TRIGGER IF EXISTS product_barcodes_offline_touch_del ON product_barcodes;
CREATE TRIGGER product_barcodes_offline_touch_ins AFTER INSERT ON product_barcodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION offline_barcodes_touch_product();
CREATE TRIGGER product_barcodes_offline_touch_upd AFTER UPDATE ON product_barcodes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION offline_barcodes_touch_product();
CREATE TRIGGER product_barcodes_offline_touch_del AFTER DELETE ON product_barcodes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION offline_barcodes_touch_product();

-- Keyset scan for the catalog delta.
CREATE INDEX IF NOT EXISTS products_offline_delta_idx ON products (tenant_id, updated_at, id);
