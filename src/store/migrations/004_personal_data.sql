-- One secret per candidate. Audit events hold no personal text: they commit to each text about
-- a candidate (name, email, slot, evidence, rationale, reason) with HMAC-SHA256 under this
-- secret, so `verify` can still check the stored text against the log. Erasure deletes the
-- secret with the texts; the chain stays whole and no longer leads to them.
CREATE TABLE candidate_secrets (
    candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id),
    secret       BLOB NOT NULL CHECK (length(secret) = 32)
);
-- Candidates stored before this version get theirs now (their earlier events hold text).
INSERT INTO candidate_secrets (candidate_id, secret)
    SELECT id, randomblob(32) FROM candidates WHERE erased_at IS NULL;

-- Retention: how long after sign-off (or creation, if never signed off) the candidates'
-- personal data is kept; a purge erases it all and is recorded here.
ALTER TABLE campaigns ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 24
    CHECK (retention_months BETWEEN 1 AND 120);
ALTER TABLE campaigns ADD COLUMN purged_at TEXT;
