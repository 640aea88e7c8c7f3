-- Messaging (issue 5): inbound WhatsApp messages, and the index the outbox is read by reminder.

-- Every inbound WhatsApp message, once (webhooks may be delivered more than once). A sender
-- who hides their phone number behind a WhatsApp username carries only a business-scoped user
-- id; the message is still kept, by that id.
CREATE TABLE inbound_messages (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'sms')),
  provider_message_id TEXT NOT NULL,
  from_phone TEXT,
  from_user_id TEXT,
  profile_name TEXT,
  kind TEXT NOT NULL,
  body TEXT,
  action TEXT NOT NULL CHECK (action IN ('opt_out', 'logged', 'stored')),
  customer_id BIGINT,
  contact_id BIGINT,
  received_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  UNIQUE (shop_id, provider_message_id),
  FOREIGN KEY (shop_id, customer_id) REFERENCES customers (shop_id, id),
  FOREIGN KEY (shop_id, contact_id) REFERENCES contact_records (shop_id, id)
);
CREATE INDEX inbound_messages_by_phone ON inbound_messages (shop_id, from_phone);
CREATE INDEX inbound_messages_by_user ON inbound_messages (shop_id, from_user_id);

CREATE INDEX messages_by_reminder ON messages (shop_id, refill_reminder_id);
