-- The candidates a campaign still lists: not erased, or erased by a purge (a purged campaign
-- keeps its anonymised results and statistics). Every query that lists candidates or reads
-- their scores for results goes through this view, so the rule lives in one place.
CREATE VIEW listed_candidates AS
    SELECT * FROM candidates
    WHERE erased_at IS NULL
       OR campaign_id IN (SELECT id FROM campaigns WHERE purged_at IS NOT NULL);

-- Withdrawal (a candidate leaves before sign-off; their data stays until retention) and the
-- candidate's reasonable adjustments (a note for their panel). The reason and the note are
-- text about the candidate: audit events hold commitments to them, erasure blanks them.
ALTER TABLE candidates ADD COLUMN withdrawn_at TEXT;
ALTER TABLE candidates ADD COLUMN withdrawal_reason TEXT;
ALTER TABLE candidates ADD COLUMN adjustments TEXT;

-- The candidates the merit list ranks: listed and not withdrawn. Results, statistics, the
-- board, sign-off's wait for decisions and the exports read this.
CREATE VIEW ranked_candidates AS
    SELECT * FROM listed_candidates WHERE withdrawn_at IS NULL;

-- Conflicts of interest: an assessor record declares one per candidate, with a reason; before
-- scoring, each scoring record states its conflicts (declares one, or confirms none).
CREATE TABLE conflicts (
    assessor_id  INTEGER NOT NULL REFERENCES assessors(id),
    candidate_id INTEGER NOT NULL REFERENCES candidates(id),
    reason       TEXT NOT NULL,
    declared_at  TEXT NOT NULL,
    PRIMARY KEY (assessor_id, candidate_id)
);
CREATE INDEX conflicts_by_candidate ON conflicts (candidate_id);
ALTER TABLE assessors ADD COLUMN conflicts_confirmed_at TEXT;
