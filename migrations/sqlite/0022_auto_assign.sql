-- Assignment that runs itself (issue 21, section 1).
-- A shop's auto_assign: 'off', or 'on_upload' (an upload shares its new contacts among the
-- active telecallers). reassign_after_days: NULL = never; else an open contact untouched for that
-- many days since it was assigned moves to someone else, once a day.
ALTER TABLE shops ADD COLUMN auto_assign TEXT NOT NULL DEFAULT 'off'
  CHECK (auto_assign = 'off' OR auto_assign = 'on_upload');
ALTER TABLE shops ADD COLUMN reassign_after_days INTEGER
  CHECK (reassign_after_days IS NULL OR reassign_after_days BETWEEN 1 AND 365);
-- A staff member's capacity (open contacts held at most; NULL = no limit) and leave (shop-local
-- YYYY-MM-DD, both days included; either may be open-ended).
ALTER TABLE staff ADD COLUMN max_open_contacts INTEGER
  CHECK (max_open_contacts IS NULL OR max_open_contacts >= 1);
ALTER TABLE staff ADD COLUMN away_from TEXT;
ALTER TABLE staff ADD COLUMN away_until TEXT;

-- Every assignment, by hand or automatic: from_staff NULL = was unassigned, by_staff NULL = the
-- automation did it.
CREATE TABLE contact_assignments (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  contact_id BIGINT NOT NULL,
  from_staff BIGINT,
  to_staff BIGINT NOT NULL,
  by_staff BIGINT,
  why TEXT NOT NULL CHECK (why = 'upload' OR why = 'manual' OR why = 'stale' OR why = 'away'
                          OR why = 'deactivated'),
  at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  FOREIGN KEY (shop_id, contact_id) REFERENCES contact_records (shop_id, id) ON DELETE CASCADE,
  FOREIGN KEY (shop_id, from_staff) REFERENCES staff (shop_id, id),
  FOREIGN KEY (shop_id, to_staff) REFERENCES staff (shop_id, id),
  FOREIGN KEY (shop_id, by_staff) REFERENCES staff (shop_id, id)
);
CREATE INDEX contact_assignments_by_contact ON contact_assignments (shop_id, contact_id, at);

-- A daily automatic job claims its (shop, job, shop-local day) here in the transaction that does
-- the work: a second server, or a second pass the same day, finds the row and does nothing.
CREATE TABLE automation_runs (
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  job TEXT NOT NULL,
  run_on TEXT NOT NULL,
  ran_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, job, run_on)
);
