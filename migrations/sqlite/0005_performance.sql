-- Contact counts kept up to date per (upload, assignee, status), so that list totals and the
-- conversion report read a few dozen rows instead of counting a shop's contacts on every call.
-- upload_id 0 means "no upload", staff_id 0 "unassigned". Rows whose count reaches 0 stay.
CREATE TABLE contact_counts (
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  upload_id BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  status TEXT NOT NULL,
  contacts BIGINT NOT NULL,
  conversion_value_paise BIGINT NOT NULL,
  PRIMARY KEY (shop_id, upload_id, staff_id, status)
) WITHOUT ROWID;

INSERT INTO contact_counts (shop_id, upload_id, staff_id, status, contacts, conversion_value_paise)
SELECT shop_id, COALESCE(upload_id, 0), COALESCE(assigned_staff_id, 0), status, COUNT(*),
       COALESCE(SUM(conversion_value_paise), 0)
FROM contact_records GROUP BY 1, 2, 3, 4;

-- The import inserts thousands of rows at once and adds its own total afterwards (a per-row
-- trigger would cost it a third of its time); every later change of a counted column moves the
-- contact from one bucket to another here. Contacts are never deleted one by one.
CREATE TRIGGER contact_counts_move
AFTER UPDATE OF status, assigned_staff_id, upload_id, conversion_value_paise ON contact_records
WHEN OLD.status IS NOT NEW.status OR OLD.assigned_staff_id IS NOT NEW.assigned_staff_id
  OR OLD.upload_id IS NOT NEW.upload_id
  OR OLD.conversion_value_paise IS NOT NEW.conversion_value_paise
BEGIN
  UPDATE contact_counts
  SET contacts = contacts - 1,
      conversion_value_paise = conversion_value_paise - COALESCE(OLD.conversion_value_paise, 0)
  WHERE shop_id = OLD.shop_id AND upload_id = COALESCE(OLD.upload_id, 0)
    AND staff_id = COALESCE(OLD.assigned_staff_id, 0) AND status = OLD.status;
  INSERT INTO contact_counts (shop_id, upload_id, staff_id, status, contacts,
                              conversion_value_paise)
  VALUES (NEW.shop_id, COALESCE(NEW.upload_id, 0), COALESCE(NEW.assigned_staff_id, 0),
          NEW.status, 1, COALESCE(NEW.conversion_value_paise, 0))
  ON CONFLICT (shop_id, upload_id, staff_id, status) DO UPDATE
  SET contacts = contacts + 1,
      conversion_value_paise = conversion_value_paise + excluded.conversion_value_paise;
END;

-- An imported contact belongs to nobody yet: a partial index for assigned contacts costs the
-- import nothing, and "assigned to X" implies "assigned", so staff lists still use it.
DROP INDEX contact_records_by_assignee;
CREATE INDEX contact_records_by_assignee ON contact_records (shop_id, assigned_staff_id, id)
  WHERE assigned_staff_id IS NOT NULL;

-- A bill's items are shown with their purchase (for the run-out date): without this index each
-- bill read scanned every purchase of the shop.
CREATE INDEX customer_purchases_by_item ON customer_purchases (shop_id, bill_item_id);

-- Interactions logged per staff member, kept up to date for the conversion report.
CREATE TABLE staff_interaction_counts (
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  staff_id BIGINT NOT NULL,
  interactions BIGINT NOT NULL,
  PRIMARY KEY (shop_id, staff_id)
) WITHOUT ROWID;
INSERT INTO staff_interaction_counts (shop_id, staff_id, interactions)
SELECT shop_id, staff_id, COUNT(*) FROM contact_interactions WHERE staff_id IS NOT NULL
GROUP BY shop_id, staff_id;
CREATE TRIGGER staff_interaction_counts_add AFTER INSERT ON contact_interactions
WHEN NEW.staff_id IS NOT NULL
BEGIN
  INSERT INTO staff_interaction_counts (shop_id, staff_id, interactions)
  VALUES (NEW.shop_id, NEW.staff_id, 1)
  ON CONFLICT (shop_id, staff_id) DO UPDATE SET interactions = interactions + 1;
END;
CREATE TRIGGER staff_interaction_counts_remove AFTER DELETE ON contact_interactions
WHEN OLD.staff_id IS NOT NULL
BEGIN
  UPDATE staff_interaction_counts SET interactions = interactions - 1
  WHERE shop_id = OLD.shop_id AND staff_id = OLD.staff_id;
END;

-- Bills whose customer said "you contacted me": few, counted by the conversion report.
CREATE INDEX bills_contacted_before ON bills (shop_id, bill_date) WHERE was_contacted_before;
