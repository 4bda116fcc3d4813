-- Billing (SPEC §6). Idempotent; re-applied on every migrate after 000_tenancy.sql.

-- Amounts that can never be negative or zero, and text sizes the forms promise.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'customer_collections_amount_positive') THEN
    ALTER TABLE customer_collections ADD CONSTRAINT customer_collections_amount_positive CHECK (amount > 0);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'billing_charges_total_nonnegative') THEN
    ALTER TABLE billing_charges ADD CONSTRAINT billing_charges_total_nonnegative CHECK (total >= 0);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'customers_credit_limit_nonnegative') THEN
    ALTER TABLE customers ADD CONSTRAINT customers_credit_limit_nonnegative CHECK (credit_limit >= 0);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'folios_dates_ordered') THEN
    ALTER TABLE folios ADD CONSTRAINT folios_dates_ordered CHECK (check_out >= check_in);
  END IF;
END $$;

-- Collections are money received: corrections are new rows, never edits.
DO $$
DECLARE app text := current_setting('mostrador.app_role');
BEGIN
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON customer_collections FROM %I', app);
END $$;
