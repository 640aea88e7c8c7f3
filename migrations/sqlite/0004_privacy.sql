-- Privacy (DPDP Act 2023): the audit log is append-only, and can be searched by what it names.
-- No statement of rxtrack updates or deletes audit rows; these triggers make the database refuse
-- it too. Deleting a shop still removes its log through the ON DELETE CASCADE from shops: the
-- cascade runs after the shop row is gone, and only then is a delete let through.

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN EXISTS (SELECT 1 FROM shops WHERE id = OLD.shop_id)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The shop-scoped key every shop-owned table has (0001 left it out of audit_log).
CREATE UNIQUE INDEX audit_log_shop_key ON audit_log (shop_id, id);
CREATE INDEX audit_log_by_entity ON audit_log (shop_id, entity, entity_id, at);
CREATE INDEX audit_log_by_staff ON audit_log (shop_id, staff_id, at);
