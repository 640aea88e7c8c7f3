-- An open contact's conversion score, in a table of its own: a training that rescores a shop
-- then writes two small B-trees a contact, where a score kept on contact_records rewrote every
-- index of that table on PostgreSQL (an UPDATE of an indexed column is never a heap-only one).
-- score_ppm is the probability in millionths, score the JSON the API shows
-- {"p","band","model","reasons"}. A contact without a row is not scored: closed, or not yet
-- seen by a training. Written by every training of the shop's conversion scorer and, for one
-- contact, in the transaction that logs an interaction with it or closes it. The composite
-- foreign key keeps each score in its contact's shop, and so in a shop that exists.
CREATE TABLE contact_scores (
  shop_id BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  score_ppm BIGINT NOT NULL CHECK (score_ppm >= 0 AND score_ppm <= 1000000),
  score TEXT NOT NULL,
  PRIMARY KEY (shop_id, contact_id),
  FOREIGN KEY (shop_id, contact_id) REFERENCES contact_records (shop_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

-- sort=score reads a shop's scores in this order.
CREATE INDEX contact_scores_by_score ON contact_scores (shop_id, score_ppm DESC, contact_id DESC);

INSERT INTO contact_scores (shop_id, contact_id, score_ppm, score)
  SELECT shop_id, id, conversion_score_ppm, conversion_score FROM contact_records
  WHERE conversion_score_ppm >= 0 AND conversion_score IS NOT NULL;

DROP INDEX contact_records_by_score;
ALTER TABLE contact_records DROP COLUMN conversion_score_ppm;
ALTER TABLE contact_records DROP COLUMN conversion_score;
