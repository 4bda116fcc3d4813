-- POS and cash (SPEC §4). Idempotent; re-applied on every migrate after 000_tenancy.sql.

-- Cash movements are an append-only ledger: corrections are new rows (VOID), never edits.
CREATE OR REPLACE FUNCTION pos_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  -- Deleting a whole business cascades here; nothing else may remove a row.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = OLD.tenant_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

DROP TRIGGER IF EXISTS cash_movements_append_only ON cash_movements;
CREATE TRIGGER cash_movements_append_only BEFORE UPDATE OR DELETE ON cash_movements
  FOR EACH ROW EXECUTE FUNCTION pos_refuse_change();
DROP TRIGGER IF EXISTS cash_movements_no_truncate ON cash_movements;
CREATE TRIGGER cash_movements_no_truncate BEFORE TRUNCATE ON cash_movements
  FOR EACH STATEMENT EXECUTE FUNCTION pos_refuse_change();

-- Sale lines and payments never change after the sale commits (a void changes the sale's status only).
DROP TRIGGER IF EXISTS sale_lines_append_only ON sale_lines;
CREATE TRIGGER sale_lines_append_only BEFORE UPDATE OR DELETE ON sale_lines
  FOR EACH ROW EXECUTE FUNCTION pos_refuse_change();
DROP TRIGGER IF EXISTS sale_payments_append_only ON sale_payments;
CREATE TRIGGER sale_payments_append_only BEFORE UPDATE OR DELETE ON sale_payments
  FOR EACH ROW EXECUTE FUNCTION pos_refuse_change();

-- The app role never deletes these; least privilege on top of the triggers.
DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON cash_movements, sale_lines, sale_payments FROM %I', app);
  EXECUTE format('REVOKE DELETE, TRUNCATE ON sales, cash_sessions, cash_session_closings, cash_session_closing_lines FROM %I', app);
END $$;
