-- The instant the scheduler plans to send a queued message: the hour of the shop's send window in
-- which its customer has read past messages soonest (else the shop's best hour for reads). NULL:
-- as soon as it is queued. The sender claims a row once it is due, or when the window is ending.
ALTER TABLE messages ADD COLUMN planned_for BIGINT;
-- The read receipts those hours are learned from.
CREATE INDEX messages_by_read ON messages (shop_id, read_at);
