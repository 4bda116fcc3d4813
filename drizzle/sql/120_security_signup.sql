-- Sign-up confirmed by e-mail before anything is created (issue 11: sign-up never reveals
-- whether an e-mail has an account). Idempotent; re-applied by every migrate.

-- Bounded fields even if a caller skips the app's zod schemas.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'signup_requests_sizes') THEN
    ALTER TABLE signup_requests ADD CONSTRAINT signup_requests_sizes CHECK (
      length(token_hash) <= 128 AND length(email) <= 254 AND length(owner_name) <= 120
      AND length(business_name) <= 120 AND length(slug) <= 40 AND kind IN ('HOTEL', 'RESTAURANT', 'RETAIL'));
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'outbox_messages_sizes') THEN
    ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_sizes CHECK (
      length(to_email) <= 254 AND length(subject) <= 200 AND length(body) <= 10000 AND length(coalesce(last_error, '')) <= 1000);
  END IF;
END $$;

--    A visitor asks to sign up. An e-mail without an account gets a confirmation link (the
--    request is stored under the token's hash); one with an account gets a "someone tried to
--    sign up with your address" notice instead. The caller gets nothing back either way, and a
--    flood of requests for one address stops sending after a few mails an hour.
CREATE OR REPLACE FUNCTION auth_request_signup(
  p_email text, p_token_hash text, p_owner_name text, p_business_name text, p_kind text, p_slug text,
  p_confirm_subject text, p_confirm_body text, p_taken_subject text, p_taken_body text)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE v_email text := lower(p_email);
BEGIN
  DELETE FROM public.signup_requests WHERE expires_at < now() - interval '7 days';
  IF (SELECT count(*) FROM public.outbox_messages o
      WHERE lower(o.to_email) = v_email AND o.subject IN (p_confirm_subject, p_taken_subject)
        AND o.created_at > now() - interval '1 hour') >= 3 THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM public.users u WHERE lower(u.email) = v_email) THEN
    INSERT INTO public.outbox_messages (to_email, subject, body) VALUES (v_email, p_taken_subject, p_taken_body);
    RETURN;
  END IF;
  INSERT INTO public.signup_requests (token_hash, email, owner_name, business_name, kind, slug, expires_at)
  VALUES (p_token_hash, v_email, p_owner_name, p_business_name, p_kind, p_slug, now() + interval '24 hours');
  INSERT INTO public.outbox_messages (to_email, subject, body) VALUES (v_email, p_confirm_subject, p_confirm_body);
END $$;

--    The link is followed and a password chosen: the token is spent (once, before it expires)
--    and the account created with the given id. Returns the request's business data, or no
--    row for an unknown, used or expired token; created is false when the e-mail got an
--    account meanwhile (the caller rolls back, so the token stays usable for nobody else).
CREATE OR REPLACE FUNCTION auth_confirm_signup(p_token_hash text, p_user_id uuid, p_password_hash text)
RETURNS TABLE (email text, business_name text, kind text, slug text, created boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE r public.signup_requests%ROWTYPE; v_id uuid;
BEGIN
  UPDATE public.signup_requests s SET used_at = now()
  WHERE s.token_hash = p_token_hash AND s.used_at IS NULL AND s.expires_at > now()
  RETURNING s.* INTO r;
  IF r.token_hash IS NULL THEN RETURN; END IF;
  INSERT INTO public.users (id, email, name, password_hash) VALUES (p_user_id, r.email, r.owner_name, p_password_hash)
  ON CONFLICT DO NOTHING RETURNING id INTO v_id;
  RETURN QUERY SELECT r.email, r.business_name, r.kind, r.slug, v_id IS NOT NULL;
END $$;

DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  REVOKE ALL ON FUNCTION auth_request_signup(text, text, text, text, text, text, text, text, text, text),
    auth_confirm_signup(text, uuid, text) FROM PUBLIC;
  EXECUTE format('GRANT EXECUTE ON FUNCTION auth_request_signup(text, text, text, text, text, text, text, text, text, text),
    auth_confirm_signup(text, uuid, text) TO %I', app);
  EXECUTE format('REVOKE ALL ON signup_requests FROM %I', app);
END $$;
