-- Panelmark on PostgreSQL, version 13: a candidate before a different panel per exercise, as
-- the local file's schema 8. A candidate sits every exercise before their own panel
-- (candidates.panel_id) unless HR places one exercise before another panel of the campaign
-- (a central marking team for the written test): a row here. Every rule that asked "is the
-- seat on the candidate's panel?" now asks "is the seat on the panel the candidate sits this
-- exercise before, and not limited to another exercise?" (Rust: model::placement).

CREATE TABLE candidate_exercise_panels (
    candidate_id BIGINT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    exercise     TEXT NOT NULL,
    panel_id     BIGINT NOT NULL REFERENCES panels(id),
    PRIMARY KEY (candidate_id, exercise)
);
CREATE INDEX candidate_exercise_panels_by_panel ON candidate_exercise_panels (panel_id);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON candidate_exercise_panels
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('candidate_id', 'exercise');

-- The exercises a scorecard's scores are kept under: each key when it has several, else one
-- NULL (every key belongs to the one exercise), as Scorecard::scored_exercises.
CREATE FUNCTION pm_exercise_keys(p_scorecard jsonb) RETURNS SETOF text
LANGUAGE sql IMMUTABLE SET search_path = panelmark, pg_temp AS $$
    SELECT x ->> 'key' FROM jsonb_array_elements(p_scorecard -> 'exercises') x
    WHERE coalesce(jsonb_array_length(p_scorecard -> 'exercises'), 0) > 1
    UNION ALL
    SELECT NULL WHERE coalesce(jsonb_array_length(p_scorecard -> 'exercises'), 0) <= 1
$$;

-- The exercise of a score key (`criterion@exercise`), NULL for a key of a one-exercise card.
CREATE FUNCTION pm_key_exercise(p_key text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = panelmark, pg_temp AS $$
    SELECT CASE WHEN position('@' IN p_key) > 0 THEN split_part(p_key, '@', 2) END
$$;

-- The panel the candidate sits `p_exercise` before: its placement, else their own panel.
CREATE FUNCTION pm_panel_for(p_candidate bigint, p_exercise text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT coalesce(
        (SELECT panel_id FROM candidate_exercise_panels
         WHERE candidate_id = p_candidate AND exercise = p_exercise),
        (SELECT panel_id FROM candidates WHERE id = p_candidate))
$$;

-- Every (seat, candidate) of the session user's scoring records where the seat assesses the
-- candidate in at least one exercise, with the seat's panel: the one set the read and write
-- rules below ask. Exercises are read once per campaign, not once per candidate.
CREATE FUNCTION pm_own_seat_candidates()
RETURNS TABLE (assessor_id bigint, candidate_id bigint, panel_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    WITH seats AS (
        SELECT a.id, a.campaign_id, a.panel_id, a.exercise FROM assessors a
        WHERE a.login = session_user AND a.role IN ('member', 'chair') AND a.panel_id IS NOT NULL),
    exercises AS (
        SELECT p.id AS campaign_id, k AS exercise
        FROM campaigns p, LATERAL pm_exercise_keys(p.scorecard::jsonb) k
        WHERE p.id IN (SELECT campaign_id FROM seats))
    SELECT DISTINCT s.id, c.id, s.panel_id
    FROM seats s
    JOIN exercises x ON x.campaign_id = s.campaign_id
    JOIN candidates c ON c.campaign_id = s.campaign_id
    LEFT JOIN candidate_exercise_panels e ON e.candidate_id = c.id AND e.exercise = x.exercise
    WHERE (s.exercise IS NULL OR x.exercise IS NULL OR s.exercise = x.exercise)
      AND coalesce(e.panel_id, c.panel_id) = s.panel_id
$$;

-- The keys the seat scores for the candidate: those of the exercises the candidate sits
-- before the seat's panel, within the seat's own limit (Scorecard::scored_by).
CREATE FUNCTION pm_seat_keys(p_candidate bigint, p_assessor bigint) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT k
    FROM candidates c
    JOIN campaigns p ON p.id = c.campaign_id
    JOIN assessors a ON a.id = p_assessor AND a.campaign_id = c.campaign_id
    CROSS JOIN LATERAL pm_exercise_keys(p.scorecard::jsonb) x
    CROSS JOIN LATERAL pm_scored_keys(p.scorecard::jsonb, x) k
    WHERE c.id = p_candidate AND a.role IN ('member', 'chair')
      AND (a.exercise IS NULL OR x IS NULL OR a.exercise = x)
      AND pm_panel_for(c.id, x) = a.panel_id
$$;

-- Whether anyone has saved a score for the candidate in the exercise (the owner reads every
-- draft; HR may not): a placement cannot change under scores.
CREATE FUNCTION pm_exercise_scored(p_candidate bigint, p_exercise text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM scores
                   WHERE candidate_id = p_candidate AND pm_key_exercise(criterion_key) = p_exercise)
$$;

-- A placement names an exercise of the candidate's campaign (which has several) and a panel
-- of the same campaign, while people may change, and never moves an exercise already scored.
CREATE FUNCTION pm_placement_check(p_candidate bigint, p_exercise text, p_panel bigint)
RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_campaign campaigns%ROWTYPE;
BEGIN
    SELECT p.* INTO v_campaign FROM campaigns p JOIN candidates c ON c.campaign_id = p.id
    WHERE c.id = p_candidate;
    -- `server import` (a superuser) brings campaigns in whatever phase they are in.
    IF v_campaign.state NOT IN ('setup', 'scoring')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RAISE EXCEPTION 'candidates are placed before panels only during setup and scoring'
            USING ERRCODE = 'check_violation';
    END IF;
    IF pm_exercise_scored(p_candidate, p_exercise) THEN
        RAISE EXCEPTION 'candidate % has been scored in exercise % already: the panel that assesses them there cannot change',
            p_candidate, p_exercise USING ERRCODE = 'check_violation';
    END IF;
    IF p_panel IS NULL THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pm_exercise_keys(v_campaign.scorecard::jsonb) k
                   WHERE k = p_exercise) THEN
        RAISE EXCEPTION '''%'' is not an exercise of campaign % (which needs several to place one)',
            p_exercise, v_campaign.id USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM panels WHERE id = p_panel AND campaign_id = v_campaign.id) THEN
        RAISE EXCEPTION 'panel % is not a panel of campaign %', p_panel, v_campaign.id
            USING ERRCODE = 'check_violation';
    END IF;
END $$;
CREATE FUNCTION pm_placement_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pm_placement_check(OLD.candidate_id, OLD.exercise, NULL);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    PERFORM pm_placement_check(NEW.candidate_id, NEW.exercise, NEW.panel_id);
    RETURN NEW;
END $$;
CREATE TRIGGER placement_guard BEFORE INSERT OR UPDATE OR DELETE ON candidate_exercise_panels
    FOR EACH ROW EXECUTE FUNCTION pm_placement_guard();

-- Version 10's readable candidates, per exercise: those of the campaigns the session user
-- moderates, and those they assess in some exercise and have no conflict with.
CREATE OR REPLACE FUNCTION pm_readable_candidates() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT c.id FROM candidates c JOIN assessors a ON a.campaign_id = c.campaign_id
    WHERE a.login = session_user AND a.role = 'moderator'
    UNION
    SELECT o.candidate_id FROM pm_own_seat_candidates() o
    WHERE NOT EXISTS (SELECT 1 FROM conflicts f
                      WHERE f.assessor_id = o.assessor_id AND f.candidate_id = o.candidate_id)
$$;

CREATE OR REPLACE FUNCTION pm_may_read_candidate(p_candidate bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT p_candidate IN (SELECT pm_readable_candidates())
$$;

-- Independence, per panel: once a scorer has submitted for a candidate they read the
-- submitted scores of their own panel's scorers for that candidate — never those of a panel
-- that assesses the candidate in another exercise.
CREATE FUNCTION pm_submitted_panel_scores() RETURNS TABLE (candidate_id bigint, assessor_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT DISTINCT o.candidate_id, m.id
    FROM pm_own_seat_candidates() o
    JOIN assessors m ON m.panel_id = o.panel_id AND m.role IN ('member', 'chair')
    WHERE EXISTS (SELECT 1 FROM scores s WHERE s.candidate_id = o.candidate_id
                  AND s.assessor_id = o.assessor_id AND s.status = 'submitted')
$$;

DROP POLICY read ON scores;
CREATE POLICY read ON scores FOR SELECT USING (
    assessor_id IN (SELECT pm_own_assessors())
    OR (status = 'submitted'
        AND (candidate_id IN (SELECT pm_moderated_candidates())
             OR (candidate_id, assessor_id) IN (SELECT * FROM pm_submitted_panel_scores()))));

-- The same rule for one row (the audit log's score events).
CREATE OR REPLACE FUNCTION pm_may_read_score(p_candidate bigint, p_assessor bigint, p_submitted boolean)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT p_assessor IN (SELECT pm_own_assessors())
        OR (p_submitted
            AND (p_candidate IN (SELECT pm_moderated_candidates())
                 OR (p_candidate, p_assessor) IN (SELECT * FROM pm_submitted_panel_scores())))
$$;

-- Who writes a score row: the login behind its assessor, a member or chair who assesses the
-- candidate in some exercise, in the scoring phase ...
CREATE OR REPLACE FUNCTION pm_scores_now(p_candidate bigint, p_assessor bigint, p_roles text[])
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM assessors a JOIN campaigns p ON p.id = a.campaign_id
        WHERE a.id = p_assessor AND a.login = session_user AND a.role = ANY (p_roles)
          AND p.state = 'scoring'
          AND (p_assessor, p_candidate) IN (SELECT o.assessor_id, o.candidate_id
                                            FROM pm_own_seat_candidates() o))
$$;

-- ... and only on a key of an exercise the candidate sits before the assessor's panel.
CREATE FUNCTION pm_may_write_score_key(p_candidate bigint, p_assessor bigint, p_key text)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT pm_may_write_score(p_candidate, p_assessor)
        AND p_key IN (SELECT pm_seat_keys(p_candidate, p_assessor))
$$;
DROP POLICY own_insert ON scores;
DROP POLICY own_update ON scores;
CREATE POLICY own_insert ON scores FOR INSERT
    WITH CHECK (pm_may_write_score_key(candidate_id, assessor_id, criterion_key)
                AND NOT pm_has_submitted(candidate_id, assessor_id));
CREATE POLICY own_update ON scores FOR UPDATE
    USING (pm_may_write_score_key(candidate_id, assessor_id, criterion_key))
    WITH CHECK (pm_may_write_score_key(candidate_id, assessor_id, criterion_key));

-- Version 11's whole submission, per candidate: every key the seat scores for this
-- candidate, none outside them.
CREATE OR REPLACE FUNCTION pm_scores_whole() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_missing text;
    v_outside text;
    v_keys text[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM scores WHERE candidate_id = NEW.candidate_id
                   AND assessor_id = NEW.assessor_id AND status = 'submitted') THEN
        RETURN NULL;
    END IF;
    v_keys := ARRAY(SELECT pm_seat_keys(NEW.candidate_id, NEW.assessor_id));
    SELECT string_agg(k, ', ' ORDER BY k) INTO v_missing FROM unnest(v_keys) k
    WHERE NOT EXISTS (SELECT 1 FROM scores s
                      WHERE s.candidate_id = NEW.candidate_id AND s.assessor_id = NEW.assessor_id
                        AND s.criterion_key = k AND s.status = 'submitted'
                        AND (s.value IS NOT NULL OR s.not_assessed));
    SELECT string_agg(s.criterion_key, ', ' ORDER BY s.criterion_key) INTO v_outside FROM scores s
    WHERE s.candidate_id = NEW.candidate_id AND s.assessor_id = NEW.assessor_id
      AND NOT s.criterion_key = ANY (v_keys);
    IF v_outside IS NOT NULL THEN
        RAISE EXCEPTION 'scores outside what the assessor assesses for this candidate (candidate %, assessor %): %',
            NEW.candidate_id, NEW.assessor_id, v_outside USING ERRCODE = 'check_violation';
    END IF;
    IF v_missing IS NULL AND EXISTS (SELECT 1 FROM scores WHERE candidate_id = NEW.candidate_id
                                     AND assessor_id = NEW.assessor_id AND status = 'draft') THEN
        v_missing := 'a draft left beside the submitted scores';
    END IF;
    IF v_missing IS NOT NULL THEN
        RAISE EXCEPTION 'a submission covers every criterion at once (candidate %, assessor %); missing: %',
            NEW.candidate_id, NEW.assessor_id, v_missing USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

-- Version 11's agreeing, per exercise: the chair of the panel the candidate sits the key's
-- exercise before, once that panel's scorers of the exercise (not conflicted) have submitted.
CREATE OR REPLACE FUNCTION pm_may_agree_on(p_candidate bigint, p_chair bigint, p_key text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_exercise text := pm_key_exercise(p_key);
    v_panel bigint := pm_panel_for(p_candidate, v_exercise);
BEGIN
    RETURN pm_scores_now(p_candidate, p_chair, ARRAY['chair'])
        AND p_key IN (SELECT pm_seat_keys(p_candidate, p_chair))
        AND NOT EXISTS (
            SELECT 1 FROM assessors m
            WHERE m.panel_id = v_panel AND m.role IN ('member', 'chair')
              AND (v_exercise IS NULL OR m.exercise IS NULL OR m.exercise = v_exercise)
              AND NOT EXISTS (SELECT 1 FROM conflicts f
                              WHERE f.assessor_id = m.id AND f.candidate_id = p_candidate)
              AND NOT pm_has_submitted(p_candidate, m.id));
END $$;

-- Placements: HR writes; whoever may read the candidate reads.
ALTER TABLE candidate_exercise_panels ENABLE ROW LEVEL SECURITY;
ALTER TABLE candidate_exercise_panels FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON candidate_exercise_panels FOR SELECT USING (
    (SELECT pm_is_hr_admin()) OR candidate_id IN (SELECT pm_readable_candidates()));
CREATE POLICY hr_insert ON candidate_exercise_panels FOR INSERT WITH CHECK (pm_is_hr_admin());
CREATE POLICY hr_update ON candidate_exercise_panels FOR UPDATE
    USING (pm_is_hr_admin()) WITH CHECK (pm_is_hr_admin());
CREATE POLICY hr_delete ON candidate_exercise_panels FOR DELETE USING (pm_is_hr_admin());

-- Version 3's event rule, with placements read as their candidate is.
CREATE OR REPLACE FUNCTION pm_may_read_event(p_table text, p_campaign bigint, p_panel bigint,
                                             p_candidate bigint, p_assessor bigint, p_draft boolean)
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT CASE
            WHEN p_table = 'scores' THEN pm_may_read_score(p_candidate, p_assessor, NOT p_draft)
            WHEN p_table = 'agreed_scores' THEN pm_may_read_candidate(p_candidate)
            WHEN p_table IN ('moderations', 'tie_orders') THEN pm_is_moderator(p_campaign)
            WHEN p_table = 'signoffs' THEN pm_is_hr_admin() OR pm_is_moderator(p_campaign)
            WHEN p_table IN ('candidates', 'candidate_exercise_panels')
                THEN pm_is_hr_admin() OR pm_may_read_candidate(p_candidate)
            WHEN p_campaign IS NOT NULL THEN pm_is_hr_admin() OR pm_takes_part(p_campaign)
            ELSE pm_is_hr_admin()
        END);
END $$;

CREATE TRIGGER notify AFTER INSERT OR UPDATE ON candidate_exercise_panels
    FOR EACH ROW EXECUTE FUNCTION pm_notify_change();

REVOKE ALL ON candidate_exercise_panels FROM PUBLIC;
GRANT SELECT ON candidate_exercise_panels TO panelmark_hr_admin, panelmark_assessor, panelmark_moderator;
GRANT INSERT, UPDATE, DELETE ON candidate_exercise_panels TO panelmark_hr_admin;
REVOKE ALL ON FUNCTION pm_exercise_keys(jsonb), pm_key_exercise(text), pm_panel_for(bigint, text),
    pm_own_seat_candidates(), pm_seat_keys(bigint, bigint), pm_exercise_scored(bigint, text),
    pm_placement_check(bigint, text, bigint), pm_placement_guard(), pm_submitted_panel_scores(),
    pm_may_write_score_key(bigint, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pm_exercise_keys(jsonb), pm_key_exercise(text), pm_panel_for(bigint, text),
    pm_own_seat_candidates(), pm_seat_keys(bigint, bigint), pm_exercise_scored(bigint, text),
    pm_submitted_panel_scores(), pm_may_write_score_key(bigint, bigint, text)
    TO panelmark_hr_admin, panelmark_assessor, panelmark_moderator;
