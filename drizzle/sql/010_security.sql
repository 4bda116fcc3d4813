-- Security and accounts (issue 11). Idempotent; re-applied by every migrate after 000_tenancy.sql.

-- 1. "My memberships in other businesses" only where a query asks for it: in a transaction
--    that has no tenant (withUser, the request door before it picks the tenant), or when
--    app.own_memberships is 'on'. Inside a tenant transaction a user sees this business only.
DROP POLICY IF EXISTS membership_self_read ON memberships;
CREATE POLICY membership_self_read ON memberships FOR SELECT
  USING (user_id = (select nullif(current_setting('app.current_user', true), '')::uuid)
         AND ((select nullif(current_setting('app.current_tenant', true), '')) IS NULL
              OR (select current_setting('app.own_memberships', true)) = 'on'));

-- 2. users: the app role reads no password hash, and changes only the name directly.
--    Passwords change only through the functions below, which check the current one.
DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  EXECUTE format('REVOKE SELECT, UPDATE ON users FROM %I', app);
  EXECUTE format('GRANT SELECT (id, email, name, session_version, disabled, created_at) ON users TO %I', app);
  EXECUTE format('GRANT UPDATE (name) ON users TO %I', app);
END $$;

-- 3. A server-side secret (never granted to the app role) that makes an unknown e-mail's
--    fake salt stable and unguessable, so the salt lookup is no existence oracle.
CREATE TABLE IF NOT EXISTS auth_secrets (secret bytea NOT NULL);
ALTER TABLE auth_secrets ENABLE ROW LEVEL SECURITY;
INSERT INTO auth_secrets (secret)
  SELECT sha256(convert_to(gen_random_uuid()::text || clock_timestamp()::text || random()::text, 'UTF8'))
  WHERE NOT EXISTS (SELECT 1 FROM auth_secrets);

-- 4. Sign-in without handing the hash to the app: the app asks for the hash's parameters and
--    salt (not secret), computes argon2id of the typed password with them, and the database
--    compares the result. Argon2 runs in the app, the digest never leaves the database.
CREATE OR REPLACE FUNCTION auth_password_params(p_email text)
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT coalesce(
    (SELECT regexp_replace(u.password_hash, '\$[^$]*$', '') FROM public.users u WHERE lower(u.email) = lower(p_email)),
    '$argon2id$v=19$m=19456,t=2,p=1$' || rtrim(encode(substring(sha256(
      convert_to(lower(p_email), 'UTF8') || (SELECT s.secret FROM public.auth_secrets s LIMIT 1)) from 1 for 16), 'base64'), '='))
$$;

CREATE OR REPLACE FUNCTION auth_verify_password(p_email text, p_candidate text)
RETURNS TABLE (id uuid, name text, session_version int, disabled boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.name, u.session_version, u.disabled
  FROM public.users u WHERE lower(u.email) = lower(p_email) AND u.password_hash = p_candidate
$$;

--    Change my own password: the current one (as a candidate digest) is required; every
--    session of the user ends (session_version + 1). Returns the new version, or null.
CREATE OR REPLACE FUNCTION auth_change_password(p_current_candidate text, p_new_hash text)
RETURNS int
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  UPDATE public.users u SET password_hash = p_new_hash, session_version = u.session_version + 1
  WHERE u.id = (select nullif(current_setting('app.current_user', true), '')::uuid)
    AND u.password_hash = p_current_candidate AND NOT u.disabled
  RETURNING u.session_version
$$;

--    Forgot password: a token (hashed) and its e-mail in the outbox, only if the account
--    exists and is enabled. Returns nothing either way: the caller cannot tell. At most 3
--    reset mails per address an hour, so nobody can flood a victim's mailbox.
CREATE OR REPLACE FUNCTION auth_request_password_reset(p_email text, p_token_hash text, p_subject text, p_body text)
RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH u AS (SELECT id, email FROM public.users WHERE lower(email) = lower(p_email) AND NOT disabled
             AND (SELECT count(*) FROM public.outbox_messages o WHERE lower(o.to_email) = lower(p_email)
                    AND o.subject = p_subject AND o.created_at > now() - interval '1 hour') < 3),
  t AS (INSERT INTO public.password_reset_tokens (token_hash, user_id, expires_at)
        SELECT p_token_hash, u.id, now() + interval '1 hour' FROM u RETURNING user_id)
  INSERT INTO public.outbox_messages (to_email, subject, body)
  SELECT u.email, p_subject, p_body FROM u JOIN t ON t.user_id = u.id
$$;

--    An owner/admin of the current business forces a member's password reset: the member's
--    sessions end and a reset link goes to their e-mail. Checked here, not trusted from the app.
CREATE OR REPLACE FUNCTION auth_force_password_reset(p_member_id uuid, p_token_hash text, p_subject text, p_body text)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_tenant uuid := nullif(current_setting('app.current_tenant', true), '')::uuid;
  v_actor uuid := nullif(current_setting('app.current_user', true), '')::uuid;
  v_user uuid;
  v_email text;
BEGIN
  IF v_tenant IS NULL OR v_actor IS NULL OR NOT EXISTS (
    SELECT 1 FROM public.memberships m WHERE m.tenant_id = v_tenant AND m.user_id = v_actor AND NOT m.disabled AND m.role IN ('OWNER', 'ADMIN')
  ) THEN
    RETURN false;
  END IF;
  SELECT m.user_id INTO v_user FROM public.memberships m WHERE m.tenant_id = v_tenant AND m.id = p_member_id;
  IF v_user IS NULL OR v_user = v_actor THEN RETURN false; END IF;
  UPDATE public.users SET session_version = session_version + 1 WHERE id = v_user RETURNING email INTO v_email;
  INSERT INTO public.password_reset_tokens (token_hash, user_id, expires_at) VALUES (p_token_hash, v_user, now() + interval '1 hour');
  INSERT INTO public.outbox_messages (to_email, subject, body) VALUES (v_email, p_subject, p_body);
  RETURN true;
END $$;

--    Reset with a token: sets the new hash, ends every session, spends the token.
CREATE OR REPLACE FUNCTION auth_reset_password(p_token_hash text, p_new_hash text)
RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH t AS (
    UPDATE public.password_reset_tokens SET used_at = now()
    WHERE token_hash = p_token_hash AND used_at IS NULL AND expires_at > now()
    RETURNING user_id
  ), u AS (
    UPDATE public.users u SET password_hash = p_new_hash, session_version = u.session_version + 1
    FROM t WHERE u.id = t.user_id RETURNING u.id
  )
  SELECT EXISTS (SELECT 1 FROM u)
$$;

--    Accepting an invitation as a new person: creates the account for the invitation's
--    e-mail (the token proves it was sent there). An e-mail that already has an account
--    gets the same answer as success would (null id) and nothing changes: it never says so.
CREATE OR REPLACE FUNCTION auth_create_invited_account(p_tenant uuid, p_token_hash text, p_name text, p_password_hash text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE v_email text; v_id uuid;
BEGIN
  SELECT i.email INTO v_email FROM public.invitations i
  WHERE i.tenant_id = p_tenant AND i.token_hash = p_token_hash
    AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now();
  IF v_email IS NULL THEN RETURN NULL; END IF;
  INSERT INTO public.users (email, name, password_hash) VALUES (lower(v_email), p_name, p_password_hash)
  ON CONFLICT DO NOTHING RETURNING id INTO v_id;
  RETURN v_id;
END $$;

DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  REVOKE ALL ON FUNCTION auth_password_params(text), auth_verify_password(text, text), auth_change_password(text, text),
    auth_request_password_reset(text, text, text, text), auth_force_password_reset(uuid, text, text, text),
    auth_reset_password(text, text), auth_create_invited_account(uuid, text, text, text) FROM PUBLIC;
  EXECUTE format('GRANT EXECUTE ON FUNCTION auth_password_params(text), auth_verify_password(text, text), auth_change_password(text, text),
    auth_request_password_reset(text, text, text, text), auth_force_password_reset(uuid, text, text, text),
    auth_reset_password(text, text), auth_create_invited_account(uuid, text, text, text) TO %I', app);
  -- Global account tables: reset tokens only through the functions above; the outbox is read
  -- by the sender and the development page; revoked sessions are written at sign-out.
  EXECUTE format('REVOKE ALL ON password_reset_tokens, auth_secrets FROM %I', app);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE ON outbox_messages TO %I', app);
  EXECUTE format('GRANT SELECT, INSERT, DELETE ON revoked_sessions TO %I', app);
END $$;

-- 5. Price history for the offline sync door: one row per (price, active) period of a product.
--    Statement-level with transition tables: a 10,000-row price list is one INSERT … SELECT
--    and one UPDATE here, not 10,000 PL/pgSQL calls (3.6 s of a 10,000-row apply). Updates
--    compare the new rows with the OPEN period (which holds the values before the statement),
--    not with the OLD transition table: joining OLD and NEW (no statistics, no index) was
--    planned as a nested loop elsewhere; the open period is reached through an index.
--    Transition tables allow no column list, so every UPDATE of products fires it; one that
--    changes neither price nor active finds nothing to close and inserts nothing.
CREATE OR REPLACE FUNCTION product_price_history_open() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  INSERT INTO public.product_price_history (tenant_id, product_id, sale_price, active, valid_from)
  SELECT n.tenant_id, n.id, n.sale_price, n.active, now() FROM new_rows n;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION product_price_history_track() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  -- Only products with an open period: a product inserted by this same statement may be
  -- updated (its barcode touches updated_at) before its INSERT trigger has opened its period.
  WITH changed AS MATERIALIZED (
    SELECT n.tenant_id, n.id, n.sale_price, n.active, h.id AS open_id
    FROM new_rows n
    JOIN public.product_price_history h
      ON h.tenant_id = n.tenant_id AND h.product_id = n.id AND h.valid_to IS NULL
    WHERE h.sale_price <> n.sale_price OR h.active <> n.active
  ), closed AS (
    UPDATE public.product_price_history h SET valid_to = now()
    FROM changed c WHERE h.tenant_id = c.tenant_id AND h.id = c.open_id
  )
  INSERT INTO public.product_price_history (tenant_id, product_id, sale_price, active, valid_from)
  SELECT c.tenant_id, c.id, c.sale_price, c.active, now() FROM changed c;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS products_price_history ON products;
DROP TRIGGER IF EXISTS products_price_history_ins ON products;
DROP TRIGGER IF EXISTS products_price_history_upd ON products;
CREATE TRIGGER products_price_history_ins AFTER INSERT ON products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_price_history_open();
CREATE TRIGGER products_price_history_upd AFTER UPDATE ON products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_price_history_track();
--    Products that existed before the history: their current price since their creation.
--    (Forced RLS binds the owner too; lifted for this one statement, forced again below.)
ALTER TABLE products NO FORCE ROW LEVEL SECURITY;
ALTER TABLE product_price_history NO FORCE ROW LEVEL SECURITY;
INSERT INTO product_price_history (tenant_id, product_id, sale_price, active, valid_from)
  SELECT p.tenant_id, p.id, p.sale_price, p.active, p.created_at FROM products p
  WHERE NOT EXISTS (SELECT 1 FROM product_price_history h WHERE h.tenant_id = p.tenant_id AND h.product_id = p.id);
ALTER TABLE products FORCE ROW LEVEL SECURITY;
ALTER TABLE product_price_history FORCE ROW LEVEL SECURITY;
