-- Catalog maintenance (issue 14). Idempotent; re-applied on every migrate.

-- A category may not be moved under itself or under one of its own descendants. The
-- database refuses it (whatever path the update comes from); moves within one business are
-- serialised by a transaction-scoped advisory lock, so two crossing moves (A under B while B
-- goes under A) cannot both pass: the second one re-reads the tree after the first commits
-- (each PL/pgSQL statement takes a fresh snapshot under READ COMMITTED).
CREATE OR REPLACE FUNCTION categories_refuse_cycle()
RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF NEW.parent_id IS NULL THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('categories-tree:' || NEW.tenant_id::text, 0));
  IF NEW.parent_id = NEW.id OR EXISTS (
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT c.id, c.parent_id, 0 FROM categories c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.parent_id
      UNION ALL
      SELECT c.id, c.parent_id, up.depth + 1
      FROM categories c JOIN up ON c.tenant_id = NEW.tenant_id AND c.id = up.parent_id
      WHERE up.depth < 1000)
    SELECT 1 FROM up WHERE up.id = NEW.id)
  THEN
    RAISE EXCEPTION 'category % cannot be moved under its own subtree', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'categories_no_cycle';
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS categories_no_cycle ON categories;
CREATE TRIGGER categories_no_cycle
  BEFORE UPDATE OF parent_id ON categories
  FOR EACH ROW WHEN (NEW.parent_id IS DISTINCT FROM OLD.parent_id)
  EXECUTE FUNCTION categories_refuse_cycle();
