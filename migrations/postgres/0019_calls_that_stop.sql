-- Calls that stop (issue 21 section 2).
-- A shop's limit of calls that do not reach a contact before it is set aside as unreachable.
ALTER TABLE shops ADD COLUMN max_call_attempts INTEGER NOT NULL DEFAULT 5
  CHECK (max_call_attempts BETWEEN 1 AND 50);
-- unreached_calls: calls since the contact was last reached (or came back) that did not reach
-- them; unreachable: that count reached the shop's max_call_attempts. Both are kept on the row
-- in the transaction that logs the interaction, so lists never count calls.
ALTER TABLE contact_records ADD COLUMN unreached_calls INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contact_records ADD COLUMN unreachable BOOLEAN NOT NULL DEFAULT FALSE;
-- The person asked not to be called or messaged (the outcome do_not_call); who set it and when.
-- do_not_contact_by is a staff id of the same shop, kept as a plain value (no key) so that the
-- record survives whatever happens to that staff member.
ALTER TABLE contact_records ADD COLUMN do_not_contact BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE contact_records ADD COLUMN do_not_contact_by BIGINT;
ALTER TABLE contact_records ADD COLUMN do_not_contact_at BIGINT;
ALTER TABLE customers ADD COLUMN do_not_contact BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE customers ADD COLUMN do_not_contact_by BIGINT;
ALTER TABLE customers ADD COLUMN do_not_contact_at BIGINT;
-- Whether the person got in touch (a call to the shop, a message): it brings a contact back.
ALTER TABLE contact_interactions ADD COLUMN inbound BOOLEAN NOT NULL DEFAULT FALSE;
-- The few contacts set aside, for the count of a default list (which leaves them out).
CREATE INDEX contact_records_set_aside ON contact_records (shop_id, status)
  WHERE unreachable OR do_not_contact;
