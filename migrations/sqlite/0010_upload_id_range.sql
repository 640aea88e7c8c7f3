-- An upload's contacts were found through the index (shop_id, upload_id): one more B-tree written
-- for every imported contact, 12% of a 100,000-row import's instructions, for a filter that a few
-- screens use. An import inserts its contacts inside one transaction, so their ids lie between
-- the largest id before it and the largest after it; the import records that range here. The
-- upload filter reads the range through the primary key (or (shop_id, status, id)) and keeps
-- upload_id = ? to leave out any other contact created in the same span.
-- Without the index, removing an upload (only ever with its shop) finds its contacts through the
-- other indexes that lead with shop_id.
ALTER TABLE contact_uploads ADD COLUMN first_contact_id BIGINT;
ALTER TABLE contact_uploads ADD COLUMN last_contact_id BIGINT;

UPDATE contact_uploads
SET first_contact_id = (SELECT MIN(cr.id) FROM contact_records cr
                        WHERE cr.shop_id = contact_uploads.shop_id
                          AND cr.upload_id = contact_uploads.id),
    last_contact_id = (SELECT MAX(cr.id) FROM contact_records cr
                       WHERE cr.shop_id = contact_uploads.shop_id
                         AND cr.upload_id = contact_uploads.id);

DROP INDEX contact_records_by_upload;
