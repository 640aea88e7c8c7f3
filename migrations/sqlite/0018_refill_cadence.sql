-- A shop's refill cadence: the days, relative to a medicine running out, on which a refill
-- reminder is attempted, as a JSON array of whole days (e.g. [-5,-1,3]). NULL: the shop never
-- set one, and its cadence is [-refill_lead_days], one reminder as before.
ALTER TABLE shops ADD COLUMN refill_cadence TEXT;
-- A customer's own lead (days before running out, 0..60); NULL: the shop's.
ALTER TABLE customers ADD COLUMN refill_lead_days INTEGER
  CHECK (refill_lead_days IS NULL OR refill_lead_days BETWEEN 0 AND 60);
-- A refill reminder is attempted in steps, one per day of the cadence it was made with:
-- step_dates holds those days (a JSON array of YYYY-MM-DD; NULL: the one step on remind_on),
-- step is the step under way (1-based), next_step_on the day of the one after it (NULL: none).
-- A message for a reminder names its step; NULL on older rows means step 1.
ALTER TABLE refill_reminders ADD COLUMN step INTEGER NOT NULL DEFAULT 1;
ALTER TABLE refill_reminders ADD COLUMN steps INTEGER NOT NULL DEFAULT 1;
ALTER TABLE refill_reminders ADD COLUMN step_dates TEXT;
ALTER TABLE refill_reminders ADD COLUMN next_step_on TEXT;
ALTER TABLE messages ADD COLUMN refill_step INTEGER;
CREATE INDEX refill_reminders_next_step ON refill_reminders (shop_id, next_step_on)
  WHERE next_step_on IS NOT NULL;
