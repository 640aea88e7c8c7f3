-- Two indexes that every bill wrote to and nothing reads any more.
--
-- A bill's items no longer read their purchase for the run-out date: it is the bill's date plus
-- the item's duration, as the purchase stores it. So nothing looks purchases up by item, and
-- each bill line wrote an index entry for nothing. (Nothing deletes bill items either, which
-- would make the foreign key's cascade scan the shop's purchases.)
DROP INDEX customer_purchases_by_item;

-- The customer list orders by "visited or not" first, which this index cannot give, so it sorts
-- the shop's customers whatever; every bill moved the customer's entry here for nothing. On
-- PostgreSQL it also kept the visit's UPDATE from being a heap-only (HOT) update.
DROP INDEX customers_by_last_visit;
