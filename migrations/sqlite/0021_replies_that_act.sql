-- Replies that act (issue 21, section 5).
-- The payloads of the refill template's quick-reply buttons, as the shop registered them with
-- the template: sent with each reminder and matched against the button a customer taps. NULL:
-- that button is not sent and its replies are only logged.
ALTER TABLE shop_messaging_settings ADD COLUMN reply_payload_keep_ready TEXT;
ALTER TABLE shop_messaging_settings ADD COLUMN reply_payload_already_bought TEXT;
ALTER TABLE shop_messaging_settings ADD COLUMN reply_payload_stop TEXT;

-- The Keep ready list: a customer answered a refill reminder "keep it ready", so the counter sets
-- the reminder's medicine aside (waiting -> ready) until the customer's next bill collects it
-- (collected, with that bill) or staff cancel it. At most one open pickup per reminder. The
-- medicine is read from the reminder, so erasing the customer blanks it here too.
CREATE TABLE pickups (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  customer_id BIGINT NOT NULL,
  refill_reminder_id BIGINT NOT NULL,
  channel TEXT NOT NULL CHECK (channel = 'whatsapp' OR channel = 'sms'),
  inbound_message_id BIGINT,
  status TEXT NOT NULL DEFAULT 'waiting'
    CHECK (status = 'waiting' OR status = 'ready' OR status = 'collected' OR status = 'cancelled'),
  ready_at BIGINT,
  ready_by BIGINT,
  bill_id BIGINT,
  closed_at BIGINT,
  closed_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  FOREIGN KEY (shop_id, customer_id) REFERENCES customers (shop_id, id),
  FOREIGN KEY (shop_id, refill_reminder_id) REFERENCES refill_reminders (shop_id, id),
  FOREIGN KEY (shop_id, inbound_message_id) REFERENCES inbound_messages (shop_id, id),
  FOREIGN KEY (shop_id, bill_id) REFERENCES bills (shop_id, id),
  FOREIGN KEY (shop_id, ready_by) REFERENCES staff (shop_id, id),
  FOREIGN KEY (shop_id, closed_by) REFERENCES staff (shop_id, id),
  CHECK ((status = 'collected') = (bill_id IS NOT NULL)),
  CHECK ((status = 'collected' OR status = 'cancelled') = (closed_at IS NOT NULL))
);
CREATE UNIQUE INDEX pickups_open_per_reminder ON pickups (shop_id, refill_reminder_id)
  WHERE status = 'waiting' OR status = 'ready';
CREATE INDEX pickups_open_by_customer ON pickups (shop_id, customer_id)
  WHERE status = 'waiting' OR status = 'ready';
CREATE INDEX pickups_by_status ON pickups (shop_id, status, created_at);
