-- An upload's contacts were found through the index (shop_id, upload_id): one more B-tree written
-- for every imported contact, for a filter that a few screens use. An import inserts its
-- contacts inside one transaction after reading the largest id, and ids come from one sequence,
-- so they lie between that id and the largest after the insert; the import records that range
-- here. The upload filter reads the range through the primary key (or (shop_id, status, id)) and
-- keeps upload_id = ? to leave out other contacts created in the same span.
-- Without the index, removing an upload (only ever with its shop) finds its contacts through the
-- other indexes that lead with shop_id.
ALTER TABLE contact_uploads ADD COLUMN first_contact_id BIGINT,
  ADD COLUMN last_contact_id BIGINT;

UPDATE contact_uploads u
SET first_contact_id = r.first_id, last_contact_id = r.last_id
FROM (SELECT shop_id, upload_id, MIN(id) AS first_id, MAX(id) AS last_id
      FROM contact_records WHERE upload_id IS NOT NULL GROUP BY shop_id, upload_id) r
WHERE u.shop_id = r.shop_id AND u.id = r.upload_id;

DROP INDEX contact_records_by_upload;
