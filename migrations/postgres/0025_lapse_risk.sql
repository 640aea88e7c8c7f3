-- An open (pending or sent) refill reminder's lapse risk, kept on its row so that sort=risk reads
-- an index: lapse_risk_ppm is the probability that the customer does not buy the medicine again
-- within 7 days after it runs out, in millionths, lapse_risk the JSON the API shows
-- {"p","band","model","reasons"}. Both NULL: not scored yet, or answered, refilled or cancelled
-- (cleared in the statement that closes it). Set by every training of the shop's lapse scorer and
-- by the scheduler's pass for reminders a bill made since.
ALTER TABLE refill_reminders ADD COLUMN lapse_risk_ppm BIGINT;
ALTER TABLE refill_reminders ADD COLUMN lapse_risk TEXT;
-- sort=risk: highest first, unscored (NULL) last, then remind_on and id.
CREATE INDEX refill_reminders_by_risk
  ON refill_reminders (shop_id, lapse_risk_ppm DESC NULLS LAST, remind_on, id);
