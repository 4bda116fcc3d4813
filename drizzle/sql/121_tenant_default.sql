-- Hand-written, idempotent (re-applied by every migrate). The tenant id in one place:
-- every tenant table's tenant_id defaults to the transaction's tenant (the setting withTenant /
-- withSessionMembership make), so services insert without naming it and never take a tenantId
-- parameter. RLS WITH CHECK (000_tenancy.sql) still refuses any other tenant; with no tenant
-- set the default is NULL and the NOT NULL constraint refuses the row.

CREATE OR REPLACE FUNCTION app_current_tenant()
RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog AS $$
  SELECT nullif(current_setting('app.current_tenant', true), '')::uuid
$$;

DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  EXECUTE format('GRANT EXECUTE ON FUNCTION app_current_tenant() TO %I', app);
END $$;

-- Every table in public with a tenant_id column (tables added later are covered by the next
-- migrate). Only altered when the default is missing or different: ALTER takes a strong lock.
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND coalesce(pg_get_expr(d.adbin, d.adrelid), '') <> 'app_current_tenant()'
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN tenant_id SET DEFAULT app_current_tenant()', r.relname);
  END LOOP;
END $$;
