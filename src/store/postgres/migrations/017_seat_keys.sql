-- Panelmark on PostgreSQL, version 17: the keys a seat scores for a candidate, asked per row at
-- a cost that does not need planning each time.
--
-- pm_seat_keys (version 13) is asked for every row of a submission by the whole-submission
-- check (pm_scores_whole, deferred to the commit, so run while the audit chain's head is
-- locked) and by the chair's agreeing rule (pm_may_agree_on). As a SQL function with its own
-- search_path it is never inlined, so each call planned its four-way join with two set-returning
-- functions again and parsed the scorecard text twice: ~1.2 ms a call in the benchmark's
-- 500-candidate campaign (pg_stat_statements, 12,000 calls in the submissions), most of a
-- submitted row's time under the lock.
--
-- Here the same keys in PL/pgSQL (plans kept per session): the seat, the candidate and the
-- scorecard read once by key, the scorecard parsed once, then the same exercises, limits and
-- panels. Who may write or agree which key is unchanged: tests/pg_security.rs,
-- tests/pg_exercises.rs and tests/pg_exercise_panels.rs hold the rules.
CREATE OR REPLACE FUNCTION pm_seat_keys(p_candidate bigint, p_assessor bigint) RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_card jsonb;
    v_seat_panel bigint;
    v_seat_exercise text;
BEGIN
    SELECT p.scorecard::jsonb, a.panel_id, a.exercise
    INTO v_card, v_seat_panel, v_seat_exercise
    FROM candidates c
    JOIN campaigns p ON p.id = c.campaign_id
    JOIN assessors a ON a.id = p_assessor AND a.campaign_id = c.campaign_id
    WHERE c.id = p_candidate AND a.role IN ('member', 'chair');
    IF NOT FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT k
        FROM pm_exercise_keys(v_card) x
        CROSS JOIN LATERAL pm_scored_keys(v_card, x) k
        WHERE (v_seat_exercise IS NULL OR x IS NULL OR v_seat_exercise = x)
          AND pm_panel_for(p_candidate, x) = v_seat_panel;
END $$;
