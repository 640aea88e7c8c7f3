-- rxtrack schema, version 1 (SQLite 3).
-- Conventions: every shop-owned table has shop_id with ON DELETE CASCADE from shops, a
-- UNIQUE (shop_id, id) key, and references to other shop-owned rows as composite foreign keys
-- (shop_id, x_id), so the database refuses a row pointing into another shop and every table can
-- later be distributed by shop_id. Instants are BIGINT milliseconds since the Unix epoch (UTC);
-- dates that matter to people (runs out on, remind on) are TEXT (YYYY-MM-DD) in the shop's time zone.

CREATE TABLE app_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE shops (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  phone_region TEXT NOT NULL DEFAULT 'IN',
  time_zone TEXT NOT NULL DEFAULT 'Asia/Kolkata',
  refill_lead_days INTEGER NOT NULL DEFAULT 5 CHECK (refill_lead_days BETWEEN 0 AND 60),
  webhook_key TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE shop_messaging_settings (
  shop_id BIGINT PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
  whatsapp_base_url TEXT NOT NULL DEFAULT 'https://graph.facebook.com',
  whatsapp_api_version TEXT NOT NULL DEFAULT 'v23.0',
  whatsapp_phone_number_id TEXT,
  whatsapp_access_token TEXT,
  whatsapp_app_secret TEXT,
  whatsapp_verify_token TEXT,
  whatsapp_template_refill TEXT,
  whatsapp_template_language TEXT,
  sms_base_url TEXT,
  sms_auth_key TEXT,
  sms_template_id TEXT,
  sms_sender TEXT,
  send_window_start TEXT NOT NULL DEFAULT '09:00',
  send_window_end TEXT NOT NULL DEFAULT '20:00',
  include_medicine_names INTEGER NOT NULL DEFAULT FALSE,
  opt_out_keywords TEXT NOT NULL DEFAULT '',
  whatsapp_price_paise BIGINT,
  sms_price_paise BIGINT,
  updated_at BIGINT NOT NULL
);

-- Sign-in looks a person up by email before any shop is known, so email is unique across shops:
-- staff, sessions and login_attempts form the global directory (a reference table when sharded).
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT,
  role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT TRUE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deactivated_at BIGINT,
  UNIQUE (shop_id, id),
  UNIQUE (email)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  shop_id BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  FOREIGN KEY (shop_id, staff_id) REFERENCES staff (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_by_staff ON sessions (shop_id, staff_id);

CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  client_ip TEXT NOT NULL,
  at BIGINT NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempts_by_email ON login_attempts (email, at);
CREATE INDEX login_attempts_by_ip ON login_attempts (client_ip, at);

CREATE TABLE contact_uploads (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  file_format TEXT NOT NULL,
  uploaded_by BIGINT,
  total_rows INTEGER NOT NULL DEFAULT 0,
  imported INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  invalid_rows INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  FOREIGN KEY (shop_id, uploaded_by) REFERENCES staff (shop_id, id)
);
CREATE INDEX contact_uploads_by_time ON contact_uploads (shop_id, created_at);

CREATE TABLE contact_upload_errors (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  upload_id BIGINT NOT NULL,
  row_number INTEGER NOT NULL,
  value TEXT NOT NULL,
  reason TEXT NOT NULL,
  FOREIGN KEY (shop_id, upload_id) REFERENCES contact_uploads (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_upload_errors_by_upload ON contact_upload_errors (shop_id, upload_id, row_number);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  phone TEXT NOT NULL,
  name TEXT,
  category TEXT NOT NULL CHECK (category IN ('contact_sheet', 'first_time_prescription',
                                             'regular_branded', 'generic_informed')),
  age INTEGER CHECK (age BETWEEN 0 AND 130),
  birth_year INTEGER,
  gender TEXT,
  address TEXT,
  email TEXT,
  allergies TEXT,
  primary_doctor TEXT,
  prefers_generic INTEGER NOT NULL DEFAULT FALSE,
  notes TEXT,
  visit_count INTEGER NOT NULL DEFAULT 0,
  first_visit_at BIGINT,
  last_visit_at BIGINT,
  total_spent_paise BIGINT NOT NULL DEFAULT 0,
  whatsapp_status TEXT NOT NULL DEFAULT 'unknown'
    CHECK (whatsapp_status IN ('unknown', 'active', 'inactive')),
  whatsapp_status_source TEXT,
  whatsapp_status_at BIGINT,
  whatsapp_consent INTEGER NOT NULL DEFAULT FALSE,
  sms_consent INTEGER NOT NULL DEFAULT FALSE,
  opted_out_at BIGINT,
  erased_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  UNIQUE (shop_id, phone)
);
CREATE INDEX customers_by_category ON customers (shop_id, category);
CREATE INDEX customers_by_last_visit ON customers (shop_id, last_visit_at);

CREATE TABLE customer_conditions (
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  customer_id BIGINT NOT NULL,
  condition TEXT NOT NULL,
  PRIMARY KEY (shop_id, customer_id, condition),
  FOREIGN KEY (shop_id, customer_id) REFERENCES customers (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_conditions_by_condition ON customer_conditions (shop_id, condition);

CREATE TABLE consent_events (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  customer_id BIGINT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'sms', 'all')),
  granted INTEGER NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('counter', 'form', 'reply', 'staff')),
  staff_id BIGINT,
  note TEXT,
  at BIGINT NOT NULL,
  FOREIGN KEY (shop_id, customer_id) REFERENCES customers (shop_id, id) ON DELETE CASCADE,
  FOREIGN KEY (shop_id, staff_id) REFERENCES staff (shop_id, id)
);
CREATE INDEX consent_events_by_customer ON consent_events (shop_id, customer_id, at);

CREATE TABLE bills (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  customer_id BIGINT NOT NULL,
  staff_id BIGINT,
  billed_at BIGINT NOT NULL,
  bill_date TEXT NOT NULL,
  customer_category TEXT,
  was_contacted_before INTEGER NOT NULL DEFAULT FALSE,
  visited_but_no_purchase INTEGER NOT NULL DEFAULT FALSE,
  total_paise BIGINT NOT NULL DEFAULT 0 CHECK (total_paise >= 0),
  notes TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  FOREIGN KEY (shop_id, customer_id) REFERENCES customers (shop_id, id),
  FOREIGN KEY (shop_id, staff_id) REFERENCES staff (shop_id, id)
);
CREATE INDEX bills_by_date ON bills (shop_id, bill_date);
CREATE INDEX bills_by_customer ON bills (shop_id, customer_id, billed_at);

CREATE TABLE bill_items (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  bill_id BIGINT NOT NULL,
  line_no INTEGER NOT NULL,
  medicine TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_paise BIGINT NOT NULL CHECK (unit_price_paise >= 0),
  amount_paise BIGINT NOT NULL CHECK (amount_paise >= 0),
  duration_days INTEGER CHECK (duration_days > 0),
  is_generic INTEGER NOT NULL DEFAULT FALSE,
  UNIQUE (shop_id, id),
  UNIQUE (shop_id, bill_id, line_no),
  FOREIGN KEY (shop_id, bill_id) REFERENCES bills (shop_id, id) ON DELETE CASCADE
);

CREATE TABLE customer_purchases (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  customer_id BIGINT NOT NULL,
  bill_id BIGINT NOT NULL,
  bill_item_id BIGINT NOT NULL,
  medicine TEXT NOT NULL,
  medicine_key TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  amount_paise BIGINT NOT NULL,
  is_generic INTEGER NOT NULL DEFAULT FALSE,
  purchased_on TEXT NOT NULL,
  duration_days INTEGER,
  runs_out_on TEXT,
  UNIQUE (shop_id, id),
  FOREIGN KEY (shop_id, customer_id) REFERENCES customers (shop_id, id),
  FOREIGN KEY (shop_id, bill_id) REFERENCES bills (shop_id, id) ON DELETE CASCADE,
  FOREIGN KEY (shop_id, bill_item_id) REFERENCES bill_items (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_purchases_by_customer
  ON customer_purchases (shop_id, customer_id, medicine_key, purchased_on);
CREATE INDEX customer_purchases_by_date ON customer_purchases (shop_id, purchased_on);

CREATE TABLE contact_records (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  phone TEXT NOT NULL,
  phone_type TEXT NOT NULL DEFAULT 'unknown',
  name TEXT,
  extra TEXT,
  upload_id BIGINT,
  source_row INTEGER,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'contacted', 'converted', 'yellow')),
  whatsapp_status TEXT NOT NULL DEFAULT 'unknown'
    CHECK (whatsapp_status IN ('unknown', 'active', 'inactive')),
  whatsapp_status_source TEXT CHECK (whatsapp_status_source IN ('staff', 'delivery', 'reply')),
  whatsapp_status_at BIGINT,
  wrong_number INTEGER NOT NULL DEFAULT FALSE,
  assigned_staff_id BIGINT,
  assigned_at BIGINT,
  notes TEXT,
  customer_id BIGINT,
  contacted_at BIGINT,
  yellow_at BIGINT,
  converted_at BIGINT,
  conversion_bill_id BIGINT,
  conversion_value_paise BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  UNIQUE (shop_id, phone),
  FOREIGN KEY (shop_id, upload_id) REFERENCES contact_uploads (shop_id, id),
  FOREIGN KEY (shop_id, assigned_staff_id) REFERENCES staff (shop_id, id),
  FOREIGN KEY (shop_id, customer_id) REFERENCES customers (shop_id, id),
  FOREIGN KEY (shop_id, conversion_bill_id) REFERENCES bills (shop_id, id)
);
CREATE INDEX contact_records_by_status ON contact_records (shop_id, status, id);
CREATE INDEX contact_records_by_assignee ON contact_records (shop_id, assigned_staff_id, status);
CREATE INDEX contact_records_by_upload ON contact_records (shop_id, upload_id);

CREATE TABLE contact_interactions (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  contact_id BIGINT NOT NULL,
  staff_id BIGINT,
  kind TEXT NOT NULL CHECK (kind IN ('call', 'whatsapp', 'sms', 'visit')),
  outcome TEXT NOT NULL,
  notes TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  FOREIGN KEY (shop_id, contact_id) REFERENCES contact_records (shop_id, id) ON DELETE CASCADE,
  FOREIGN KEY (shop_id, staff_id) REFERENCES staff (shop_id, id)
);
CREATE INDEX contact_interactions_by_contact ON contact_interactions (shop_id, contact_id, created_at);
CREATE INDEX contact_interactions_by_staff ON contact_interactions (shop_id, staff_id, created_at);

CREATE TABLE contact_reminders (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  contact_id BIGINT NOT NULL,
  staff_id BIGINT NOT NULL,
  created_by BIGINT,
  due_at BIGINT NOT NULL,
  note TEXT,
  done_at BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  FOREIGN KEY (shop_id, contact_id) REFERENCES contact_records (shop_id, id) ON DELETE CASCADE,
  FOREIGN KEY (shop_id, staff_id) REFERENCES staff (shop_id, id),
  FOREIGN KEY (shop_id, created_by) REFERENCES staff (shop_id, id)
);
CREATE INDEX contact_reminders_by_staff ON contact_reminders (shop_id, staff_id, done_at, due_at);
CREATE INDEX contact_reminders_by_contact ON contact_reminders (shop_id, contact_id);

CREATE TABLE refill_reminders (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  customer_id BIGINT NOT NULL,
  purchase_id BIGINT,
  bill_id BIGINT,
  medicine TEXT NOT NULL,
  medicine_key TEXT NOT NULL,
  runs_out_on TEXT NOT NULL,
  remind_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'sent', 'responded', 'refilled', 'cancelled')),
  sent_channel TEXT,
  sent_at BIGINT,
  sent_by BIGINT,
  response TEXT,
  response_note TEXT,
  responded_at BIGINT,
  refilled_bill_id BIGINT,
  closed_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  FOREIGN KEY (shop_id, customer_id) REFERENCES customers (shop_id, id),
  FOREIGN KEY (shop_id, purchase_id) REFERENCES customer_purchases (shop_id, id),
  FOREIGN KEY (shop_id, bill_id) REFERENCES bills (shop_id, id),
  FOREIGN KEY (shop_id, refilled_bill_id) REFERENCES bills (shop_id, id),
  FOREIGN KEY (shop_id, sent_by) REFERENCES staff (shop_id, id)
);
CREATE INDEX refill_reminders_due ON refill_reminders (shop_id, status, remind_on);
CREATE INDEX refill_reminders_by_customer
  ON refill_reminders (shop_id, customer_id, medicine_key, status);

CREATE TABLE refill_reminder_events (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  reminder_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sent', 'response', 'cancelled', 'refilled')),
  channel TEXT,
  response TEXT,
  note TEXT,
  staff_id BIGINT,
  at BIGINT NOT NULL,
  FOREIGN KEY (shop_id, reminder_id) REFERENCES refill_reminders (shop_id, id) ON DELETE CASCADE,
  FOREIGN KEY (shop_id, staff_id) REFERENCES staff (shop_id, id)
);
CREATE INDEX refill_reminder_events_by_reminder ON refill_reminder_events (shop_id, reminder_id, at);

-- The outbox: every outgoing WhatsApp or SMS message is a row before it is sent.
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  customer_id BIGINT,
  refill_reminder_id BIGINT,
  channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'sms')),
  to_phone TEXT NOT NULL,
  template TEXT,
  parameters TEXT,
  idempotency_key TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT,
  claimed_by TEXT,
  claimed_at BIGINT,
  provider_message_id TEXT,
  error_code TEXT,
  error_message TEXT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  delivered_at BIGINT,
  read_at BIGINT,
  failed_at BIGINT,
  updated_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  UNIQUE (shop_id, idempotency_key),
  FOREIGN KEY (shop_id, customer_id) REFERENCES customers (shop_id, id),
  FOREIGN KEY (shop_id, refill_reminder_id) REFERENCES refill_reminders (shop_id, id)
);
CREATE INDEX messages_by_status ON messages (shop_id, status, next_attempt_at);
CREATE INDEX messages_by_provider_id ON messages (shop_id, provider_message_id);
CREATE INDEX messages_by_time ON messages (shop_id, created_at);

-- Append-only record of who viewed or changed health data, exported, or signed in.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  staff_id BIGINT,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id BIGINT,
  details TEXT,
  client_ip TEXT,
  at BIGINT NOT NULL,
  FOREIGN KEY (shop_id, staff_id) REFERENCES staff (shop_id, id)
);
CREATE INDEX audit_log_by_time ON audit_log (shop_id, at);
