-- Contact counts kept up to date per (upload, assignee, status), so that list totals and the
-- conversion report read a few dozen rows instead of counting a shop's contacts on every call.
-- upload_id 0 means "no upload", staff_id 0 "unassigned". Rows whose count reaches 0 stay.
CREATE TABLE contact_counts (
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  upload_id BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  contacts BIGINT NOT NULL,
  conversion_value_paise BIGINT NOT NULL,
  PRIMARY KEY (shop_id, upload_id, staff_id, status)
);

INSERT INTO contact_counts (shop_id, upload_id, staff_id, status, contacts, conversion_value_paise)
SELECT shop_id, COALESCE(upload_id, 0), COALESCE(assigned_staff_id, 0), status, COUNT(*),
       COALESCE(SUM(conversion_value_paise), 0)
FROM contact_records GROUP BY 1, 2, 3, 4;

CREATE FUNCTION contact_counts_add(p_shop BIGINT, p_upload BIGINT, p_staff BIGINT, p_status TEXT,
                                   p_contacts BIGINT, p_value BIGINT) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO contact_counts (shop_id, upload_id, staff_id, status, contacts,
                              conversion_value_paise)
  VALUES (p_shop, p_upload, p_staff, p_status, p_contacts, p_value)
  ON CONFLICT (shop_id, upload_id, staff_id, status) DO UPDATE
  SET contacts = contact_counts.contacts + excluded.contacts,
      conversion_value_paise = contact_counts.conversion_value_paise
                               + excluded.conversion_value_paise;
$$;

-- Moves a contact from its old bucket to its new one. The two bucket rows are locked in key
-- order, so two transactions moving contacts between the same buckets cannot deadlock.
CREATE FUNCTION contact_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_upload BIGINT := COALESCE(OLD.upload_id, 0);
  old_staff BIGINT := COALESCE(OLD.assigned_staff_id, 0);
  new_upload BIGINT := COALESCE(NEW.upload_id, 0);
  new_staff BIGINT := COALESCE(NEW.assigned_staff_id, 0);
  old_value BIGINT := COALESCE(OLD.conversion_value_paise, 0);
  new_value BIGINT := COALESCE(NEW.conversion_value_paise, 0);
BEGIN
  IF (old_upload, old_staff, OLD.status COLLATE "C") < (new_upload, new_staff, NEW.status COLLATE "C") THEN
    PERFORM contact_counts_add(OLD.shop_id, old_upload, old_staff, OLD.status, -1, -old_value);
    PERFORM contact_counts_add(NEW.shop_id, new_upload, new_staff, NEW.status, 1, new_value);
  ELSE
    PERFORM contact_counts_add(NEW.shop_id, new_upload, new_staff, NEW.status, 1, new_value);
    PERFORM contact_counts_add(OLD.shop_id, old_upload, old_staff, OLD.status, -1, -old_value);
  END IF;
  RETURN NULL;
END;
$$;

-- The import inserts thousands of rows at once and adds its own total afterwards; every later
-- change of a counted column moves the contact between buckets here. Contacts are never deleted
-- one by one.
CREATE TRIGGER contact_counts_move
AFTER UPDATE OF status, assigned_staff_id, upload_id, conversion_value_paise ON contact_records
FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status
      OR OLD.assigned_staff_id IS DISTINCT FROM NEW.assigned_staff_id
      OR OLD.upload_id IS DISTINCT FROM NEW.upload_id
      OR OLD.conversion_value_paise IS DISTINCT FROM NEW.conversion_value_paise)
EXECUTE FUNCTION contact_counts_move();

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
);
INSERT INTO staff_interaction_counts (shop_id, staff_id, interactions)
SELECT shop_id, staff_id, COUNT(*) FROM contact_interactions WHERE staff_id IS NOT NULL
GROUP BY shop_id, staff_id;
CREATE FUNCTION staff_interaction_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO staff_interaction_counts (shop_id, staff_id, interactions)
    VALUES (NEW.shop_id, NEW.staff_id, 1)
    ON CONFLICT (shop_id, staff_id) DO UPDATE
    SET interactions = staff_interaction_counts.interactions + 1;
  ELSE
    UPDATE staff_interaction_counts SET interactions = interactions - 1
    WHERE shop_id = OLD.shop_id AND staff_id = OLD.staff_id;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER staff_interaction_counts_add AFTER INSERT ON contact_interactions
FOR EACH ROW WHEN (NEW.staff_id IS NOT NULL) EXECUTE FUNCTION staff_interaction_counts_change();
CREATE TRIGGER staff_interaction_counts_remove AFTER DELETE ON contact_interactions
FOR EACH ROW WHEN (OLD.staff_id IS NOT NULL) EXECUTE FUNCTION staff_interaction_counts_change();

-- Bills whose customer said "you contacted me": few, counted by the conversion report.
CREATE INDEX bills_contacted_before ON bills (shop_id, bill_date) WHERE was_contacted_before;
