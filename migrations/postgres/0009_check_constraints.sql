-- SQLite only (see migrations/sqlite/0009_check_constraints.sql): PostgreSQL evaluates
-- x IN ('a', 'b', 'c') as one array comparison per row, which costs nothing worth changing.
SELECT 1;
