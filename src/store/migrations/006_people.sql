-- The candidates a campaign still lists: not erased, or erased by a purge (a purged campaign
-- keeps its anonymised results and statistics). Every query that lists candidates or reads
-- their scores for results goes through this view, so the rule lives in one place.
CREATE VIEW listed_candidates AS
    SELECT * FROM candidates
    WHERE erased_at IS NULL
       OR campaign_id IN (SELECT id FROM campaigns WHERE purged_at IS NOT NULL);
