-- Privacy (DPDP Act 2023): the audit log is append-only, and can be searched by what it names.
-- No statement of rxtrack updates or deletes audit rows; this trigger makes the database refuse
-- it too (TRUNCATE included). Deleting a shop still removes its log through the ON DELETE CASCADE
-- from shops: the cascade runs after the shop row is gone, and only then is a delete let through.

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM shops WHERE id = OLD.shop_id) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The shop-scoped key every shop-owned table has (0001 left it out of audit_log).
CREATE UNIQUE INDEX audit_log_shop_key ON audit_log (shop_id, id);
CREATE INDEX audit_log_by_entity ON audit_log (shop_id, entity, entity_id, at);
CREATE INDEX audit_log_by_staff ON audit_log (shop_id, staff_id, at);
