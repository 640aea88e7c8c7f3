-- Look before sending (issue 21, section 4). A shop in `review` has each reminder pass hold the
-- day's messages as `awaiting_approval` until a manager approves them (then `queued`); what is
-- not approved by the end of the send window becomes `expired` and the reminder falls to the
-- call list. `automatic` sends as before.
ALTER TABLE shops ADD COLUMN outreach_approval TEXT NOT NULL DEFAULT 'automatic'
  CHECK (outreach_approval IN ('automatic', 'review'));

ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check
  CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed',
                    'awaiting_approval', 'expired'));

-- The approval list and the expiry read the rows awaiting approval by shop.
CREATE INDEX messages_awaiting_approval ON messages (shop_id, created_at)
  WHERE status = 'awaiting_approval';
