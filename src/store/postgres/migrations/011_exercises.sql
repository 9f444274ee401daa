-- Exercises (schema 11), as the local file's schema 7. The exercises and the criteria each
-- assesses live in the pinned scorecard's JSON; with several exercises, scores, agreed scores
-- and moderations are keyed `criterion@exercise` in criterion_key, so those tables keep their
-- shape and every existing campaign (one exercise) is unchanged. Added here: a member or chair
-- may be limited to one exercise, and the server checks every key against the scorecard.
ALTER TABLE assessors ADD COLUMN exercise TEXT;

-- The keys a campaign's scorecard is scored under, for one exercise (NULL: every exercise):
-- the criteria's keys with one exercise or none listed, else `criterion@exercise`.
CREATE FUNCTION pm_scored_keys(p_scorecard jsonb, p_exercise text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE SET search_path = panelmark, pg_temp AS $$
    SELECT c ->> 'key' FROM jsonb_array_elements(p_scorecard -> 'criteria') c
    WHERE coalesce(jsonb_array_length(p_scorecard -> 'exercises'), 0) <= 1
    UNION ALL
    SELECT k || '@' || (x ->> 'key')
    FROM jsonb_array_elements(p_scorecard -> 'exercises') x,
         jsonb_array_elements_text(x -> 'criteria') k
    WHERE coalesce(jsonb_array_length(p_scorecard -> 'exercises'), 0) > 1
      AND (p_exercise IS NULL OR x ->> 'key' = p_exercise)
$$;

-- An assessor's exercise is one of the scorecard's ('e1' names the one exercise of a
-- scorecard that lists none); moderators assess none; it cannot change once they have scored.
CREATE FUNCTION pm_assessor_exercise() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_exercises jsonb;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.exercise IS DISTINCT FROM OLD.exercise
       AND EXISTS (SELECT 1 FROM scores WHERE assessor_id = NEW.id) THEN
        RAISE EXCEPTION 'assessor % has scored already: their exercise cannot change', NEW.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.exercise IS NULL THEN
        RETURN NEW;
    END IF;
    IF NEW.role = 'moderator' THEN
        RAISE EXCEPTION 'a moderator assesses no exercise' USING ERRCODE = 'check_violation';
    END IF;
    SELECT coalesce(scorecard::jsonb -> 'exercises', '[]'::jsonb) INTO v_exercises
    FROM campaigns WHERE id = NEW.campaign_id;
    IF NOT (NEW.exercise = 'e1' AND jsonb_array_length(v_exercises) = 0)
       AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_exercises) x
                       WHERE x ->> 'key' = NEW.exercise) THEN
        RAISE EXCEPTION '''%'' is not an exercise of campaign %', NEW.exercise, NEW.campaign_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER assessors_exercise BEFORE INSERT OR UPDATE OF exercise, role ON assessors
    FOR EACH ROW EXECUTE FUNCTION pm_assessor_exercise();

-- Version 2's rule, per exercise: a submission covers every key the assessor scores (their
-- exercise's, or all) and none outside them.
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
    v_keys := ARRAY(
        SELECT pm_scored_keys(p.scorecard::jsonb, a.exercise)
        FROM candidates c
        JOIN campaigns p ON p.id = c.campaign_id
        JOIN assessors a ON a.id = NEW.assessor_id
        WHERE c.id = NEW.candidate_id);
    SELECT string_agg(k, ', ' ORDER BY k) INTO v_missing FROM unnest(v_keys) k
    WHERE NOT EXISTS (SELECT 1 FROM scores s
                      WHERE s.candidate_id = NEW.candidate_id AND s.assessor_id = NEW.assessor_id
                        AND s.criterion_key = k AND s.status = 'submitted'
                        AND (s.value IS NOT NULL OR s.not_assessed));
    SELECT string_agg(s.criterion_key, ', ' ORDER BY s.criterion_key) INTO v_outside FROM scores s
    WHERE s.candidate_id = NEW.candidate_id AND s.assessor_id = NEW.assessor_id
      AND NOT s.criterion_key = ANY (v_keys);
    IF v_outside IS NOT NULL THEN
        RAISE EXCEPTION 'scores outside the assessor''s exercise (candidate %, assessor %): %',
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

-- An agreed score is on a key of the chair's exercise; a moderation on any key of the
-- scorecard as scored.
CREATE FUNCTION pm_decision_key() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_exercise text;
BEGIN
    IF TG_TABLE_NAME = 'agreed_scores' THEN
        SELECT exercise INTO v_exercise FROM assessors
        WHERE id = (to_jsonb(NEW) ->> 'agreed_by')::bigint;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM candidates c JOIN campaigns p ON p.id = c.campaign_id
        WHERE c.id = NEW.candidate_id
          AND NEW.criterion_key IN (SELECT pm_scored_keys(p.scorecard::jsonb, v_exercise))) THEN
        RAISE EXCEPTION '''%'' is not a criterion % scores (candidate %)', NEW.criterion_key,
            CASE WHEN v_exercise IS NULL THEN 'this campaign' ELSE 'exercise ' || v_exercise END,
            NEW.candidate_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER agreed_scores_key BEFORE INSERT OR UPDATE OF criterion_key, agreed_by
    ON agreed_scores FOR EACH ROW EXECUTE FUNCTION pm_decision_key();
CREATE TRIGGER moderations_key BEFORE INSERT OR UPDATE OF criterion_key
    ON moderations FOR EACH ROW EXECUTE FUNCTION pm_decision_key();

-- Version 2's rule for agreeing, as the local file has it: the chair agrees once the panel's
-- scorers of that key's exercise have submitted (those limited to another exercise are not
-- waited for), and a member who declared a conflict with the candidate never scores them, so
-- is not waited for either (before this, one declared conflict left the candidate
-- unagreeable here).
CREATE FUNCTION pm_may_agree_on(p_candidate bigint, p_chair bigint, p_key text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_exercise text := CASE WHEN position('@' IN p_key) > 0 THEN split_part(p_key, '@', 2) END;
BEGIN
    RETURN pm_scores_now(p_candidate, p_chair, ARRAY['chair'])
        AND NOT EXISTS (
            SELECT 1 FROM candidates c
            JOIN assessors m ON m.panel_id = c.panel_id AND m.role IN ('member', 'chair')
            WHERE c.id = p_candidate
              AND (v_exercise IS NULL OR m.exercise IS NULL OR m.exercise = v_exercise)
              AND NOT EXISTS (SELECT 1 FROM conflicts f
                              WHERE f.assessor_id = m.id AND f.candidate_id = p_candidate)
              AND NOT pm_has_submitted(p_candidate, m.id));
END $$;
DROP POLICY chair_insert ON agreed_scores;
DROP POLICY chair_update ON agreed_scores;
CREATE POLICY chair_insert ON agreed_scores FOR INSERT
    WITH CHECK (pm_may_agree_on(candidate_id, agreed_by, criterion_key));
CREATE POLICY chair_update ON agreed_scores FOR UPDATE
    USING (pm_may_agree_on(candidate_id, agreed_by, criterion_key))
    WITH CHECK (pm_may_agree_on(candidate_id, agreed_by, criterion_key));

-- Version 2's state machine, with who moves it as the rules layer (and the local file) has it:
-- HR starts scoring; HR or a moderator of the campaign starts moderation, returns it to scoring
-- and changes the number of posts; its moderators sign off and reopen. Before this the server
-- refused a moderator what the app offers them.
CREATE OR REPLACE FUNCTION pm_campaigns_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_move text := OLD.state || '->' || NEW.state;
BEGIN
    IF NEW.state <> OLD.state THEN
        IF v_move = 'setup->scoring' THEN
            IF NOT pm_is_hr_admin() THEN
                RAISE EXCEPTION 'only an HR administrator moves a campaign %', v_move
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        ELSIF v_move IN ('scoring->moderation', 'moderation->scoring') THEN
            IF NOT (pm_is_hr_admin() OR pm_is_moderator(OLD.id)) THEN
                RAISE EXCEPTION 'only an HR administrator or a moderator of the campaign moves it %',
                    v_move USING ERRCODE = 'insufficient_privilege';
            END IF;
        ELSIF v_move IN ('moderation->signed_off', 'signed_off->moderation') THEN
            IF NOT pm_is_moderator(OLD.id) THEN
                RAISE EXCEPTION 'only a moderator of the campaign moves it %', v_move
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        ELSE
            RAISE EXCEPTION 'a campaign cannot move %', v_move USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF OLD.state <> 'setup' AND (NEW.scorecard_id, NEW.scorecard_version, NEW.scorecard)
       IS DISTINCT FROM (OLD.scorecard_id, OLD.scorecard_version, OLD.scorecard) THEN
        RAISE EXCEPTION 'the scorecard is pinned once scoring starts' USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.name, NEW.created_at) IS DISTINCT FROM (OLD.name, OLD.created_at)
       AND NOT pm_is_hr_admin() THEN
        RAISE EXCEPTION 'only an HR administrator edits a campaign' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.posts IS DISTINCT FROM OLD.posts
       AND NOT (pm_is_hr_admin() OR pm_is_moderator(OLD.id)) THEN
        RAISE EXCEPTION 'only an HR administrator or a moderator of the campaign changes its posts'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
GRANT UPDATE (posts) ON campaigns TO panelmark_moderator;
