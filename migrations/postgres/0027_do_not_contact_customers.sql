-- The customers who asked not to be contacted, a few in a shop: the day's refill list leaves
-- their reminders out by looking them up once a request, instead of reading each due
-- reminder's customer row.
CREATE INDEX customers_do_not_contact ON customers (shop_id, id) WHERE do_not_contact;
