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
