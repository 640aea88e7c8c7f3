-- A shop's last column mapping for each kind of contact sheet, found again by the sheet's header
-- signature (a digest of its first header-like row), so the next upload of the same kind of
-- sheet is read the way the manager last chose. One row per (shop, signature): the newest wins.
CREATE TABLE upload_mappings (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  signature TEXT NOT NULL,
  sheet_name TEXT NOT NULL,
  header_row INTEGER NOT NULL CHECK (header_row >= 0),
  phone_column INTEGER NOT NULL CHECK (phone_column >= 0),
  name_column INTEGER CHECK (name_column >= 0),
  saved_by BIGINT,
  updated_at BIGINT NOT NULL,
  UNIQUE (shop_id, id),
  UNIQUE (shop_id, signature),
  CHECK (name_column IS NULL OR name_column <> phone_column),
  FOREIGN KEY (shop_id, saved_by) REFERENCES staff (shop_id, id)
);
