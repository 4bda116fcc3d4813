-- Hand-written, idempotent, re-applied by every `npm run db:migrate` after drizzle-kit's
-- migrations. The app role name arrives in the `mostrador.app_role` setting.

-- 1. Every table in public with a tenant_id column: RLS enabled AND forced, one policy,
--    DML granted to the app role. New tenant tables are covered by re-running migrate.
DO $$
DECLARE
  r record;
  app text := current_setting('mostrador.app_role');
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
  FOR r IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', r.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', r.relname);
    IF NOT EXISTS (
      SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = r.relname AND policyname = 'tenant_isolation'
    ) THEN
      EXECUTE format(
        $f$CREATE POLICY tenant_isolation ON %I
             USING (tenant_id = (select nullif(current_setting('app.current_tenant', true), '')::uuid))
             WITH CHECK (tenant_id = (select nullif(current_setting('app.current_tenant', true), '')::uuid))$f$,
        r.relname);
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', r.relname, app);
  END LOOP;
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
END $$;

-- 2. memberships: a user may list their own memberships ("my businesses") with only
--    app.current_user set. Read-only; writes still need the tenant.
DROP POLICY IF EXISTS membership_self_read ON memberships;
CREATE POLICY membership_self_read ON memberships FOR SELECT
  USING (user_id = (select nullif(current_setting('app.current_user', true), '')::uuid));

-- 3. tenants: visible when it is the current tenant or the current user is a member.
-- Enabled, not forced: the app role is bound by these policies; the owner role (and so the
-- reviewed SECURITY DEFINER lookups below, which it owns) is not. Tenant tables are forced.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_self ON tenants;
CREATE POLICY tenant_self ON tenants
  USING (id = (select nullif(current_setting('app.current_tenant', true), '')::uuid))
  WITH CHECK (id = (select nullif(current_setting('app.current_tenant', true), '')::uuid));
DROP POLICY IF EXISTS tenant_member_read ON tenants;
CREATE POLICY tenant_member_read ON tenants FOR SELECT
  USING (id IN (SELECT m.tenant_id FROM memberships m
                WHERE m.user_id = (select nullif(current_setting('app.current_user', true), '')::uuid)));

-- 4. users: a user sees and edits only their own row; members of the current tenant are
--    visible by name (team page) through the membership join.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS user_self ON users;
CREATE POLICY user_self ON users
  USING (id = (select nullif(current_setting('app.current_user', true), '')::uuid))
  WITH CHECK (id = (select nullif(current_setting('app.current_user', true), '')::uuid));
DROP POLICY IF EXISTS user_same_tenant_read ON users;
CREATE POLICY user_same_tenant_read ON users FOR SELECT
  USING (id IN (SELECT m.user_id FROM memberships m
                WHERE m.tenant_id = (select nullif(current_setting('app.current_tenant', true), '')::uuid)));

DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE ON tenants, users TO %I', app);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON login_attempts TO %I', app);
END $$;

-- 5. Narrow SECURITY DEFINER lookups, pinned search_path, reviewed. Sign-in's password
--    check lives in 010_security.sql (no function returns a password hash).
DROP FUNCTION IF EXISTS auth_user_by_email(text);
DROP FUNCTION IF EXISTS user_id_by_email(text);
DROP FUNCTION IF EXISTS create_invited_user(text, text, text);

--    the public price checker and sign-up need a slug's tenant id (the slug is public).
CREATE OR REPLACE FUNCTION tenant_id_by_slug(p_slug text)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT t.id FROM public.tenants t WHERE t.slug = p_slug
$$;

--    background jobs (Inngest crons) iterate tenants, then enter each through withTenant.
--    Never from a web request's transaction: those always carry a user or a tenant.
CREATE OR REPLACE FUNCTION all_tenant_ids()
RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF nullif(current_setting('app.current_user', true), '') IS NOT NULL
     OR nullif(current_setting('app.current_tenant', true), '') IS NOT NULL THEN
    RAISE EXCEPTION 'all_tenant_ids() is for background jobs only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY SELECT t.id FROM public.tenants t ORDER BY t.created_at;
END $$;

DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  REVOKE ALL ON FUNCTION tenant_id_by_slug(text), all_tenant_ids() FROM PUBLIC;
  EXECUTE format('GRANT EXECUTE ON FUNCTION tenant_id_by_slug(text), all_tenant_ids() TO %I', app);
END $$;
