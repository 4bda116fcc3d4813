-- Fiscal area (300-399). Idempotent, re-applied on every migrate.

-- When a document is issued, mirror it on the POS sale (sales.fiscal_status, owned by the POS
-- area). The sales table may not exist in every branch/deployment, hence dynamic SQL guarded
-- by to_regclass. SECURITY INVOKER: runs as the app role, so RLS scopes it to the current tenant.
CREATE OR REPLACE FUNCTION fiscal_sync_sale_status(p_sale_id uuid, p_status text, p_document_id uuid)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
BEGIN
  IF p_sale_id IS NULL OR to_regclass('public.sales') IS NULL THEN
    RETURN;
  END IF;
  IF p_status = 'ISSUED' THEN
    EXECUTE 'UPDATE public.sales SET fiscal_status = ''ISSUED'', fiscal_document_id = coalesce(fiscal_document_id, $2) WHERE id = $1 AND fiscal_status::text = ''PENDING'''
      USING p_sale_id, p_document_id;
  ELSIF p_status = 'CREDIT_NOTE_ISSUED' THEN
    EXECUTE 'UPDATE public.sales SET fiscal_status = ''CREDIT_NOTE_ISSUED'' WHERE id = $1 AND fiscal_status::text = ''CREDIT_NOTE_PENDING'''
      USING p_sale_id;
  END IF;
END $$;

DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  REVOKE ALL ON FUNCTION fiscal_sync_sale_status(uuid, text, uuid) FROM PUBLIC;
  EXECUTE format('GRANT EXECUTE ON FUNCTION fiscal_sync_sale_status(uuid, text, uuid) TO %I', app);
END $$;
