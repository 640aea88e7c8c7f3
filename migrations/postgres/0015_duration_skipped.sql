-- A medicine line saved without a duration after the counter asked "How many days will this
-- last?" and the question was skipped. The refill report counts these apart from lines where
-- nobody asked, so the owner can coach staff (training point 6: always ask the duration).
-- A line with a duration was never skipped.
ALTER TABLE bill_items ADD COLUMN duration_skipped BOOLEAN NOT NULL DEFAULT FALSE
  CHECK (NOT duration_skipped OR duration_days IS NULL);
