-- Webhook keys (issue 18): one key per channel (the WhatsApp webhook and the MSG91 SMS callback
-- each have their own), rotated by the owner. A rotated-out key stays accepted for 24 hours
-- (retired_at), so that no callback is lost while the provider's console is updated.
-- A URL's key is looked up by its SHA-256 digest and then compared in constant time, so no
-- comparison inside the database's index depends on the secret's bytes.
-- Rows for shops made before this migration are added by `rxtrack serve` on its first start
-- (the digest is computed in code): the WhatsApp key stays shops.webhook_key, the SMS callback
-- gets a fresh key, and the old shared key is the SMS channel's previous key for 24 hours.
-- shops.webhook_key is no longer read after that.
CREATE TABLE shop_webhook_keys (
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'sms')),
  key_digest TEXT COLLATE "C" NOT NULL,
  webhook_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  retired_at BIGINT,
  PRIMARY KEY (shop_id, channel, key_digest),
  UNIQUE (channel, key_digest)
);
-- One current (not retired) key per shop and channel.
CREATE UNIQUE INDEX shop_webhook_keys_current ON shop_webhook_keys (shop_id, channel)
  WHERE retired_at IS NULL;
