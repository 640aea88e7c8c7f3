-- Each shop's trained scorers, one row a training (newest version wins): which scorer scores
-- ("model" when the logistic regression beat the baseline on the time-based holdout, else
-- "baseline" and why), what it was trained on, both scorers' holdout figures as JSON
-- {"rows","positives","auc","brier","lift"} and the parameters that score (the logistic model's
-- weights and standardisation, the baseline's category rates) as JSON.
CREATE TABLE insight_models (
  id INTEGER PRIMARY KEY,
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind = 'conversion' OR kind = 'lapse'),
  version BIGINT NOT NULL,
  trained_at BIGINT NOT NULL,
  scorer TEXT NOT NULL CHECK (scorer = 'model' OR scorer = 'baseline'),
  reason TEXT NOT NULL
    CHECK (reason = 'none' OR reason = 'too_few_labelled' OR reason = 'too_few_positives'
           OR reason = 'model_not_better'),
  labelled_rows BIGINT NOT NULL,
  positives BIGINT NOT NULL,
  holdout TEXT NOT NULL,
  baseline_holdout TEXT NOT NULL,
  parameters TEXT NOT NULL,
  UNIQUE (shop_id, id),
  UNIQUE (shop_id, kind, version)
);

-- The nightly training's claim: one row a shop, kind and UTC day, so that of several servers
-- sharing the database only the one that inserts it trains.
CREATE TABLE insight_training_claims (
  shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind = 'conversion' OR kind = 'lapse'),
  day TEXT NOT NULL,
  claimed_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, kind, day)
);

-- An open contact's conversion score, kept on its row so that sort=score reads an index:
-- conversion_score_ppm is the probability in millionths (-1: not scored, or no longer open),
-- conversion_score the JSON the API shows {"p","band","model","reasons"} (NULL: not scored).
-- Refreshed by every training of the shop's conversion scorer and, for one contact, in the
-- transaction that logs an interaction with it.
ALTER TABLE contact_records ADD COLUMN conversion_score_ppm BIGINT NOT NULL DEFAULT -1;
ALTER TABLE contact_records ADD COLUMN conversion_score TEXT;
CREATE INDEX contact_records_by_score
  ON contact_records (shop_id, conversion_score_ppm DESC, id DESC);
