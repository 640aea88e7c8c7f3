-- Sessions also end after 12 hours unused: last_seen_at is when the session was last used,
-- written at most once a minute per session. NULL (a session from before this column) counts as
-- seen now, and is written at the session's next use.
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT;

-- First-run setup is throttled per client address like sign-in, through the same table; its
-- attempts are counted apart from sign-ins ('setup' rows carry no email). The CHECK compares
-- rather than lists (see 0009: SQLite builds a B-tree of an IN list for every row it checks).
ALTER TABLE login_attempts ADD COLUMN kind TEXT NOT NULL DEFAULT 'sign_in'
  CHECK (kind = 'sign_in' OR kind = 'setup');
