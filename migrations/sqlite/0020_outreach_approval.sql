-- Look before sending (issue 21, section 4). A shop in `review` has each reminder pass hold the
-- day's messages as `awaiting_approval` until a manager approves them (then `queued`); what is
-- not approved by the end of the send window becomes `expired` and the reminder falls to the
-- call list. `automatic` sends as before.
ALTER TABLE shops ADD COLUMN outreach_approval TEXT NOT NULL DEFAULT 'automatic'
  CHECK (outreach_approval = 'automatic' OR outreach_approval = 'review');

-- The two new message statuses. SQLite cannot alter a CHECK constraint; as in 0009, the table's
-- CREATE text is rewritten (the constraint's text does not change what is stored), then the
-- schema is changed so that every connection reads it again.
PRAGMA writable_schema = ON;

UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status = ''queued'' OR status = ''sending'' OR status = ''sent'' OR status = ''delivered'' OR status = ''read'' OR status = ''failed'')',
  'CHECK (status = ''queued'' OR status = ''sending'' OR status = ''sent'' OR status = ''delivered'' OR status = ''read'' OR status = ''failed'' OR status = ''awaiting_approval'' OR status = ''expired'')')
WHERE type = 'table' AND name = 'messages';

PRAGMA writable_schema = OFF;
CREATE TABLE schema_reload_0020 (x INTEGER);
DROP TABLE schema_reload_0020;

-- The approval list and the expiry read the rows awaiting approval by shop.
CREATE INDEX messages_awaiting_approval ON messages (shop_id, created_at)
  WHERE status = 'awaiting_approval';
