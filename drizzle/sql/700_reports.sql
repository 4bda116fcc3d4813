-- Reports (SPEC §9): the daily rollups (src/server/db/schema/reports.ts) kept by triggers:
--   report_daily_products  day × product                    quantity, gross, discount, net, tax, cost (+ voids)
--   report_daily_tickets   day × hour × register × cashier  tickets and the same money (+ voids)
--   report_daily_payments  day × register × cashier × method  money applied (+ voids)
-- A sale line has no payment method (a ticket paid half cash, half card does not say which
-- line was paid how), so methods get their own rollup instead of a prorated split that would
-- invent cents; products are not crossed with register and cashier so a year by product reads
-- at most products × days rows.
-- Idempotent; re-applied on every migrate.
--
-- Why triggers and not a job with a watermark: the rollups then change in the SAME transaction
-- as the sale or the void, whichever code path writes them (online sale, offline sync, a
-- future import), so today's figures are exact to the last committed sale and there is no
-- lag, no watermark to keep, nothing to restart. The POS services need no change. The
-- sale's trigger is a deferred constraint trigger (at commit, one statement for all three
-- rollups, once per transaction for all its sales); the void's is statement-level
-- (bench:reports measures the cost).
-- Concurrent sales meet on a product-day row only at commit (the sale already held that
-- product's stock level row for its whole transaction); every upsert runs in key order, so two
-- writers lock rollup rows in the same order and cannot deadlock on them.
--
-- Ticket discounts are spread over the sale's lines in proportion to their totals with
-- cumulative rounding (line i gets round(D·cum_i/S) − round(D·cum_{i−1}/S)), so the shares add
-- up to the ticket discount exactly and Σ line net = the sale total, to the cent.

-- The business's time zone (tenant setting), for day and hour boundaries.
CREATE OR REPLACE FUNCTION reports_tz() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT t.settings->>'timezone' FROM public.tenants t
      WHERE t.id = (SELECT nullif(current_setting('app.current_tenant', true), '')::uuid)),
    'America/Argentina/Buenos_Aires')
$$;

-- Money of each line of the given sales, with its share of the ticket discount.
-- No SET clause, so the planner can inline it into the caller.
CREATE OR REPLACE FUNCTION reports_line_figures(p_sale_ids uuid[])
RETURNS TABLE (sale_id uuid, line_no int, product_id uuid, quantity numeric, gross numeric, discount numeric,
               net numeric, tax numeric, cost numeric)
LANGUAGE sql STABLE AS $$
  SELECT a.sale_id, a.line_no, a.product_id, a.quantity,
         a.total + a.discount,
         a.discount + a.alloc,
         a.total - a.alloc,
         round((a.total - a.alloc) * a.iva_rate / (100 + a.iva_rate), 2),
         a.cost_total
  FROM (
    SELECT c.*,
           CASE WHEN c.subtotal = 0 THEN 0
                ELSE round(c.tdisc * c.cum / c.subtotal, 2) - round(c.tdisc * (c.cum - c.total) / c.subtotal, 2) END AS alloc
    FROM (
      SELECT l.sale_id, l.line_no, l.product_id, l.quantity, l.total, l.discount, l.iva_rate, l.cost_total,
             s.subtotal, s.discount AS tdisc,
             sum(l.total) OVER (PARTITION BY l.sale_id ORDER BY l.line_no) AS cum
      -- A join, not "= ANY (array)": with the array a parameter, ANY is a linear search per row
      -- (fine for one sale, quadratic for a rebuild of a year).
      FROM (SELECT DISTINCT u.id FROM unnest(p_sale_ids) u(id)) k
      JOIN public.sales s ON s.id = k.id
      JOIN public.sale_lines l ON l.tenant_id = s.tenant_id AND l.sale_id = s.id
    ) c
  ) a
$$;

-- Adds whole sales (all their lines and payments) on the day and hour they were rung, in one
-- statement: products, tickets and payments.
CREATE OR REPLACE FUNCTION reports_add_sales(p_sale_ids uuid[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE tz text := reports_tz();
BEGIN
  WITH x AS (
    SELECT s.tenant_id, (s.created_at AT TIME ZONE tz)::date AS day, extract(hour FROM s.created_at AT TIME ZONE tz)::smallint AS hour,
           s.register_id, s.cashier_id, f.product_id, f.line_no, s.mode = 'OFFLINE' AS offline,
           f.quantity, f.gross, f.discount, f.net, f.tax, f.cost
    FROM reports_line_figures(p_sale_ids) f
    JOIN sales s ON s.id = f.sale_id
  ), by_product AS (
    INSERT INTO report_daily_products AS r (tenant_id, day, product_id, quantity, gross, discount, net, tax, cost)
    SELECT tenant_id, day, product_id, sum(quantity), sum(gross), sum(discount), sum(net), sum(tax), sum(cost)
    FROM x GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (tenant_id, day, product_id) DO UPDATE SET
      quantity = r.quantity + excluded.quantity, gross = r.gross + excluded.gross, discount = r.discount + excluded.discount,
      net = r.net + excluded.net, tax = r.tax + excluded.tax, cost = r.cost + excluded.cost
  ), by_ticket AS (
    -- A ticket counts once: with its first line.
    INSERT INTO report_daily_tickets AS r (tenant_id, day, hour, register_id, cashier_id, tickets, offline_tickets, gross, discount, net, tax, cost)
    SELECT tenant_id, day, hour, register_id, cashier_id,
           count(*) FILTER (WHERE line_no = 1), count(*) FILTER (WHERE line_no = 1 AND offline),
           sum(gross), sum(discount), sum(net), sum(tax), sum(cost)
    FROM x GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (tenant_id, day, hour, register_id, cashier_id) DO UPDATE SET
      tickets = r.tickets + excluded.tickets, offline_tickets = r.offline_tickets + excluded.offline_tickets,
      gross = r.gross + excluded.gross, discount = r.discount + excluded.discount, net = r.net + excluded.net,
      tax = r.tax + excluded.tax, cost = r.cost + excluded.cost
  )
  INSERT INTO report_daily_payments AS r (tenant_id, day, register_id, cashier_id, method, payments, amount)
  SELECT s.tenant_id, (s.created_at AT TIME ZONE tz)::date, s.register_id, s.cashier_id, p.method, count(*), sum(p.applied)
  FROM (SELECT DISTINCT u.id FROM unnest(p_sale_ids) u(id)) k
  JOIN sales s ON s.id = k.id
  JOIN sale_payments p ON p.tenant_id = s.tenant_id AND p.sale_id = s.id
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (tenant_id, day, register_id, cashier_id, method) DO UPDATE SET
    payments = r.payments + excluded.payments, amount = r.amount + excluded.amount;
END $$;
DROP FUNCTION IF EXISTS reports_add_lines(uuid[], int[]);
DROP FUNCTION IF EXISTS reports_add_payments(uuid[], int[]);

-- Adds voided sales (all their lines and payments) on the day and hour of the void.
CREATE OR REPLACE FUNCTION reports_add_voids(p_sale_ids uuid[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE tz text := reports_tz();
BEGIN
  WITH x AS (
    SELECT s.tenant_id, (coalesce(s.voided_at, now()) AT TIME ZONE tz)::date AS day,
           extract(hour FROM coalesce(s.voided_at, now()) AT TIME ZONE tz)::smallint AS hour,
           s.register_id, s.cashier_id, f.product_id, f.line_no, f.quantity, f.gross, f.discount, f.net, f.tax, f.cost
    FROM reports_line_figures(p_sale_ids) f
    JOIN sales s ON s.id = f.sale_id
  ), by_product AS (
    INSERT INTO report_daily_products AS r (tenant_id, day, product_id,
      void_quantity, void_gross, void_discount, void_net, void_tax, void_cost)
    SELECT tenant_id, day, product_id, sum(quantity), sum(gross), sum(discount), sum(net), sum(tax), sum(cost)
    FROM x GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (tenant_id, day, product_id) DO UPDATE SET
      void_quantity = r.void_quantity + excluded.void_quantity, void_gross = r.void_gross + excluded.void_gross,
      void_discount = r.void_discount + excluded.void_discount, void_net = r.void_net + excluded.void_net,
      void_tax = r.void_tax + excluded.void_tax, void_cost = r.void_cost + excluded.void_cost
  )
  INSERT INTO report_daily_tickets AS r (tenant_id, day, hour, register_id, cashier_id,
    void_tickets, void_gross, void_discount, void_net, void_tax, void_cost)
  SELECT tenant_id, day, hour, register_id, cashier_id, count(*) FILTER (WHERE line_no = 1),
         sum(gross), sum(discount), sum(net), sum(tax), sum(cost)
  FROM x GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (tenant_id, day, hour, register_id, cashier_id) DO UPDATE SET
    void_tickets = r.void_tickets + excluded.void_tickets, void_gross = r.void_gross + excluded.void_gross,
    void_discount = r.void_discount + excluded.void_discount, void_net = r.void_net + excluded.void_net,
    void_tax = r.void_tax + excluded.void_tax, void_cost = r.void_cost + excluded.void_cost;

  INSERT INTO report_daily_payments AS r (tenant_id, day, register_id, cashier_id, method, void_amount)
  SELECT s.tenant_id, (coalesce(s.voided_at, now()) AT TIME ZONE tz)::date, s.register_id, s.cashier_id, p.method, sum(p.applied)
  FROM (SELECT DISTINCT u.id FROM unnest(p_sale_ids) u(id)) k
  JOIN sales s ON s.id = k.id
  JOIN sale_payments p ON p.tenant_id = s.tenant_id AND p.sale_id = s.id
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (tenant_id, day, register_id, cashier_id, method) DO UPDATE SET
    void_amount = r.void_amount + excluded.void_amount;
END $$;

-- Deferred to the commit of the sale's transaction: by then its lines and payments are all
-- written, whatever order and statements the writer used, and the rollup rows are locked only
-- for the commit itself.
-- Batched per transaction: an offline sync commits 50 sales at once, and one rollup statement
-- per sale was most of the database's time for them. Each INSERT into sales appends its new ids
-- to a transaction-local setting (reports.pending, set_config(..., true): undone with a rolled
-- back savepoint, gone at commit); the first deferred call at commit rolls up every pending
-- sale in ONE call and empties the list, so the calls after it find nothing to do. The two
-- triggers are a pair: disable both or neither (bench:reports' bulk seed disables the deferred
-- one; the list then simply dies with its transaction).
CREATE OR REPLACE FUNCTION reports_on_sales_inserted() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM set_config('reports.pending',
    coalesce(current_setting('reports.pending', true), '') || coalesce((SELECT ',' || string_agg(n.id::text, ',') FROM new_sales n), ''),
    true);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION reports_on_sale_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE pending text := nullif(current_setting('reports.pending', true), '');
BEGIN
  IF pending IS NOT NULL THEN
    PERFORM set_config('reports.pending', '', true);
    PERFORM reports_add_sales(string_to_array(trim(BOTH ',' FROM pending), ',')::uuid[]);
  END IF;
  RETURN NULL;
END $$;

-- Only the change COMPLETED → VOIDED matters; other updates (fiscal status) add nothing.
CREATE OR REPLACE FUNCTION reports_on_sales_update() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE ids uuid[];
BEGIN
  SELECT array_agg(n.id) INTO ids
  FROM new_sales n JOIN old_sales o ON o.tenant_id = n.tenant_id AND o.id = n.id
  WHERE n.status = 'VOIDED' AND o.status <> 'VOIDED';
  IF ids IS NOT NULL THEN
    PERFORM reports_add_voids(ids);
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS reports_sale_lines_rollup ON sale_lines;
DROP TRIGGER IF EXISTS reports_sale_payments_rollup ON sale_payments;
DROP FUNCTION IF EXISTS reports_on_sale_lines();
DROP FUNCTION IF EXISTS reports_on_sale_payments();
DROP TRIGGER IF EXISTS reports_sale_rollup ON sales;
CREATE CONSTRAINT TRIGGER reports_sale_rollup AFTER INSERT ON sales
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_on_sale_insert();
DROP TRIGGER IF EXISTS reports_sales_pending ON sales;
CREATE TRIGGER reports_sales_pending AFTER INSERT ON sales
  REFERENCING NEW TABLE AS new_sales FOR EACH STATEMENT EXECUTE FUNCTION reports_on_sales_inserted();
DROP TRIGGER IF EXISTS reports_sales_void_rollup ON sales;
CREATE TRIGGER reports_sales_void_rollup AFTER UPDATE ON sales
  REFERENCING OLD TABLE AS old_sales NEW TABLE AS new_sales FOR EACH STATEMENT EXECUTE FUNCTION reports_on_sales_update();

-- Recomputes the current tenant's rollups from its sales (after a bulk load, or to audit the
-- triggers: the tests compare both). RLS limits every statement to the current tenant.
CREATE OR REPLACE FUNCTION reports_rebuild() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE ids uuid[];
BEGIN
  IF nullif(current_setting('app.current_tenant', true), '') IS NULL THEN
    RAISE EXCEPTION 'reports_rebuild needs app.current_tenant' USING ERRCODE = 'insufficient_privilege';
  END IF;
  DELETE FROM report_daily_products;
  DELETE FROM report_daily_tickets;
  DELETE FROM report_daily_payments;
  PERFORM reports_add_sales(array_agg(s.id)) FROM sales s HAVING count(*) > 0;
  SELECT array_agg(s.id) INTO ids FROM sales s WHERE s.status = 'VOIDED';
  IF ids IS NOT NULL THEN
    PERFORM reports_add_voids(ids);
  END IF;
END $$;

-- Backfill: a business with sales and no product rollup (first migrate after this table came
-- in) is rebuilt once. Runs as the owner with each tenant set, so RLS applies as usual.
DO $$
DECLARE t uuid;
BEGIN
  -- tenants is not FORCEd (the owner sees every row); tenant tables are, so set each tenant.
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.current_tenant', t::text, true);
    IF EXISTS (SELECT 1 FROM sales) AND NOT EXISTS (SELECT 1 FROM report_daily_products) THEN
      PERFORM reports_rebuild();
    END IF;
  END LOOP;
  PERFORM set_config('app.current_tenant', '', true);
END $$;
