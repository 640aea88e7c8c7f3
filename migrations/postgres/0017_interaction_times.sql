-- When a call or message actually happened, beside when it was logged (created_at): a call made
-- from a personal phone can be logged later. Every figure of the contact-times insight reads
-- occurred_at. Existing rows happened when they were logged.
ALTER TABLE contact_interactions ADD COLUMN occurred_at BIGINT;
UPDATE contact_interactions SET occurred_at = created_at;
ALTER TABLE contact_interactions ALTER COLUMN occurred_at SET NOT NULL;
CREATE INDEX contact_interactions_by_occurred ON contact_interactions (shop_id, occurred_at);

-- The shop's calling hours, shop-local [start, end): the best times to call are sought inside.
ALTER TABLE shops ADD COLUMN call_window_start INTEGER NOT NULL DEFAULT 9
  CHECK (call_window_start >= 0 AND call_window_start <= 23);
ALTER TABLE shops ADD COLUMN call_window_end INTEGER NOT NULL DEFAULT 21
  CHECK (call_window_end >= 1 AND call_window_end <= 24);
ALTER TABLE shops ADD CONSTRAINT shops_call_window_order CHECK (call_window_start < call_window_end);
