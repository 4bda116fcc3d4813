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

CREATE OR REPLACE FUNCTION offline_barcodes_touch_product() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE public.products SET updated_at = clock_timestamp() WHERE tenant_id = OLD.tenant_id AND id = OLD.product_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE public.products SET updated_at = clock_timestamp() WHERE tenant_id = NEW.tenant_id AND id = NEW.product_id;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS product_barcodes_offline_touch ON product_barcodes;
CREATE TRIGGER product_barcodes_offline_touch AFTER INSERT OR UPDATE OR DELETE ON product_barcodes
  FOR EACH ROW EXECUTE FUNCTION offline_barcodes_touch_product();

-- Keyset scan for the catalog delta.
CREATE INDEX IF NOT EXISTS products_offline_delta_idx ON products (tenant_id, updated_at, id);
