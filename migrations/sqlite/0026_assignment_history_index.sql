-- A contact's assignment history is read newest recorded first (ORDER BY id DESC). With the
-- index on (shop_id, contact_id, at), SQLite walked the shop's whole history backwards through
-- (shop_id, id) to find one contact's rows; (shop_id, contact_id, id) gives them in order.
DROP INDEX contact_assignments_by_contact;
CREATE INDEX contact_assignments_by_contact ON contact_assignments (shop_id, contact_id, id);
