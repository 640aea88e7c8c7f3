-- A contact's follow-up is a follow-up in the code, the API and here: "reminder" names a refill
-- reminder alone. Renaming keeps the rows, the grants and every key; the names PostgreSQL made
-- from the table's (its key, unique key, foreign keys and identity sequence) and the two indexes
-- are renamed with it, so that none says "reminders".
ALTER TABLE contact_reminders RENAME TO contact_follow_ups;
ALTER INDEX contact_reminders_by_staff RENAME TO contact_follow_ups_by_staff;
ALTER INDEX contact_reminders_by_contact RENAME TO contact_follow_ups_by_contact;
ALTER TABLE contact_follow_ups RENAME CONSTRAINT contact_reminders_pkey TO contact_follow_ups_pkey;
ALTER TABLE contact_follow_ups RENAME CONSTRAINT contact_reminders_shop_id_id_key
  TO contact_follow_ups_shop_id_id_key;
ALTER TABLE contact_follow_ups RENAME CONSTRAINT contact_reminders_shop_id_fkey
  TO contact_follow_ups_shop_id_fkey;
ALTER TABLE contact_follow_ups RENAME CONSTRAINT contact_reminders_shop_id_contact_id_fkey
  TO contact_follow_ups_shop_id_contact_id_fkey;
ALTER TABLE contact_follow_ups RENAME CONSTRAINT contact_reminders_shop_id_staff_id_fkey
  TO contact_follow_ups_shop_id_staff_id_fkey;
ALTER TABLE contact_follow_ups RENAME CONSTRAINT contact_reminders_shop_id_created_by_fkey
  TO contact_follow_ups_shop_id_created_by_fkey;
ALTER SEQUENCE contact_reminders_id_seq RENAME TO contact_follow_ups_id_seq;
