-- A contact's follow-up is a follow-up in the code, the API and here: "reminder" names a refill
-- reminder alone. RENAME TO carries the rows and rewrites any trigger or view that names the
-- table; SQLite cannot rename an index, so the two are made again under their new names (the
-- table is small: one row per follow-up a telecaller set).
ALTER TABLE contact_reminders RENAME TO contact_follow_ups;
DROP INDEX contact_reminders_by_staff;
DROP INDEX contact_reminders_by_contact;
CREATE INDEX contact_follow_ups_by_staff ON contact_follow_ups (shop_id, staff_id, done_at, due_at);
CREATE INDEX contact_follow_ups_by_contact ON contact_follow_ups (shop_id, contact_id);
