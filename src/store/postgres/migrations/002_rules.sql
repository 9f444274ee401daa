-- Panelmark on PostgreSQL, version 2: the rules, enforced by the database itself so that they
-- hold for raw SQL as much as for the app.
--
-- Identity is `session_user`: the login the server authenticated. It is used inside every
-- helper below because these helpers are SECURITY DEFINER (they run as panelmark_owner, which
-- bypasses row security so that policies never recurse), and there `current_user` is the owner.
-- No session variable is trusted: any login can SET one.
--
-- Group roles (NOLOGIN; logins are members): panelmark_hr_admin sets campaigns up,
-- panelmark_assessor scores (members and chairs), panelmark_moderator moderates. Grants give a
-- group its tables; policies pick the rows, from the `assessors` rows whose `login` is the
-- session user.

-- Helpers -----------------------------------------------------------------------------------
-- In PL/pgSQL rather than SQL: a SECURITY DEFINER SQL function is never inlined and plans its
-- query again on every call, which made each policy check cost milliseconds; PL/pgSQL keeps
-- the plan for the session (measured: a draft save 11.6 ms -> see the README).

CREATE FUNCTION pm_is_hr_admin() RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT pg_has_role(session_user, 'panelmark_hr_admin', 'MEMBER'));
END $$;

-- Whether the session user moderates the campaign.
CREATE FUNCTION pm_is_moderator(p_campaign bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT EXISTS (SELECT 1 FROM assessors
                       WHERE campaign_id = p_campaign AND login = session_user AND role = 'moderator'));
END $$;

-- Whether the session user has any part (member, chair, moderator) in the campaign.
CREATE FUNCTION pm_takes_part(p_campaign bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT EXISTS (SELECT 1 FROM assessors WHERE campaign_id = p_campaign AND login = session_user));
END $$;

-- Whether the session user scores (member or chair) on the panel.
CREATE FUNCTION pm_scores_on_panel(p_panel bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT EXISTS (SELECT 1 FROM assessors
                       WHERE panel_id = p_panel AND login = session_user AND role IN ('member', 'chair')));
END $$;

-- Whether the candidate is one the session user scores or moderates.
CREATE FUNCTION pm_may_read_candidate(p_candidate bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT EXISTS (
            SELECT 1 FROM candidates c JOIN assessors a ON a.campaign_id = c.campaign_id
            WHERE c.id = p_candidate AND a.login = session_user
              AND (a.role = 'moderator' OR (a.panel_id = c.panel_id AND a.role IN ('member', 'chair')))));
END $$;

-- Independence. A scorer reads their own scores for a candidate, drafts included; the panel's
-- submitted scores only once they have submitted for that candidate themselves; never another
-- panel's. A moderator of the campaign reads submitted scores, never drafts.
CREATE FUNCTION pm_may_read_score(p_candidate bigint, p_assessor bigint, p_submitted boolean)
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT EXISTS (SELECT 1 FROM assessors WHERE id = p_assessor AND login = session_user)
            OR (p_submitted AND (
                   EXISTS (SELECT 1 FROM candidates c JOIN assessors a ON a.campaign_id = c.campaign_id
                           WHERE c.id = p_candidate AND a.login = session_user AND a.role = 'moderator')
                OR EXISTS (SELECT 1 FROM candidates c
                           JOIN assessors a ON a.panel_id = c.panel_id AND a.campaign_id = c.campaign_id
                           JOIN scores s ON s.candidate_id = c.id AND s.assessor_id = a.id
                                        AND s.status = 'submitted'
                           WHERE c.id = p_candidate AND a.login = session_user
                             AND a.role IN ('member', 'chair')))));
END $$;

-- Whether the assessor is the session user's own, holds one of the roles on the candidate's
-- panel, and the campaign is in its scoring phase: who may write scores and agreed scores.
CREATE FUNCTION pm_scores_now(p_candidate bigint, p_assessor bigint, p_roles text[])
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT EXISTS (
            SELECT 1 FROM assessors a
            JOIN candidates c ON c.panel_id = a.panel_id AND c.campaign_id = a.campaign_id
            JOIN campaigns p ON p.id = c.campaign_id
            WHERE a.id = p_assessor AND c.id = p_candidate AND a.login = session_user
              AND a.role = ANY (p_roles) AND p.state = 'scoring'));
END $$;

-- A score row may be written by the login behind its assessor, a member or chair of the
-- candidate's panel, while the campaign is in its scoring phase.
CREATE FUNCTION pm_may_write_score(p_candidate bigint, p_assessor bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN pm_scores_now(p_candidate, p_assessor, ARRAY['member', 'chair']);
END $$;

CREATE FUNCTION pm_has_submitted(p_candidate bigint, p_assessor bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT EXISTS (SELECT 1 FROM scores
                       WHERE candidate_id = p_candidate AND assessor_id = p_assessor AND status = 'submitted'));
END $$;

-- Only the chair of the candidate's panel records agreed scores, in the scoring phase, and only
-- once every member and chair of that panel has submitted for the candidate.
CREATE FUNCTION pm_may_agree(p_candidate bigint, p_chair bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN pm_scores_now(p_candidate, p_chair, ARRAY['chair'])
        AND NOT EXISTS (
            SELECT 1 FROM candidates c
            JOIN assessors m ON m.panel_id = c.panel_id AND m.role IN ('member', 'chair')
            WHERE c.id = p_candidate
              AND NOT pm_has_submitted(p_candidate, m.id));
END $$;

-- A moderator of the campaign, in its moderation phase, acting as themself, who does not score
-- in the same campaign (assessors_one_side also refuses such a record).
CREATE FUNCTION pm_may_moderate(p_campaign bigint, p_moderator bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT EXISTS (
            SELECT 1 FROM assessors a JOIN campaigns p ON p.id = a.campaign_id
            WHERE a.id = p_moderator AND a.campaign_id = p_campaign AND a.login = session_user
              AND a.role = 'moderator' AND p.state = 'moderation')
           AND NOT EXISTS (SELECT 1 FROM assessors
                           WHERE campaign_id = p_campaign AND login = session_user
                             AND role IN ('member', 'chair')));
END $$;

CREATE FUNCTION pm_campaign_of(p_candidate bigint) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT campaign_id FROM candidates WHERE id = p_candidate);
END $$;

-- Guards (triggers): what no policy can express -------------------------------------------

-- A submitted score is final: no one changes it or reverts it to a draft. Keys never move.
-- has_evidence is derived here, with the same test as SQLite's (anything but space/tab/newline).
CREATE FUNCTION pm_scores_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = panelmark, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.status = 'submitted' THEN
            RAISE EXCEPTION 'a submitted score cannot be changed (candidate %, assessor %, criterion %)',
                OLD.candidate_id, OLD.assessor_id, OLD.criterion_key
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.candidate_id, NEW.assessor_id, NEW.criterion_key)
           IS DISTINCT FROM (OLD.candidate_id, OLD.assessor_id, OLD.criterion_key) THEN
            RAISE EXCEPTION 'a score cannot move to another candidate, assessor or criterion'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF NEW.status <> 'draft'
          AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        -- (A superuser may insert submitted rows: that is how a local campaign is imported.)
        RAISE EXCEPTION 'a score is saved as a draft first, then submitted'
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.has_evidence := NEW.evidence ~ '[^ \t\n]';
    RETURN NEW;
END $$;
CREATE TRIGGER scores_guard BEFORE INSERT OR UPDATE ON scores
    FOR EACH ROW EXECUTE FUNCTION pm_scores_guard();

-- A submission is whole: at commit, an assessor who has submitted anything for a candidate has
-- submitted a mark for every criterion of the pinned scorecard and left no draft beside it. (A
-- partial submission would let a member read the panel's scores and then finish their own.)
CREATE FUNCTION pm_scores_whole() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_missing text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM scores WHERE candidate_id = NEW.candidate_id
                   AND assessor_id = NEW.assessor_id AND status = 'submitted') THEN
        RETURN NULL;
    END IF;
    SELECT string_agg(e ->> 'key', ', ') INTO v_missing
    FROM candidates c
    JOIN campaigns p ON p.id = c.campaign_id
    CROSS JOIN LATERAL jsonb_array_elements(p.scorecard::jsonb -> 'criteria') e
    WHERE c.id = NEW.candidate_id
      AND NOT EXISTS (SELECT 1 FROM scores s
                      WHERE s.candidate_id = NEW.candidate_id AND s.assessor_id = NEW.assessor_id
                        AND s.criterion_key = e ->> 'key' AND s.status = 'submitted'
                        AND (s.value IS NOT NULL OR s.not_assessed));
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
CREATE CONSTRAINT TRIGGER scores_submitted_whole AFTER INSERT OR UPDATE ON scores
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pm_scores_whole();

-- Nobody moderates a campaign in which they score: one login is on one side per campaign.
CREATE FUNCTION pm_assessors_one_side() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    IF NEW.login IS NOT NULL AND EXISTS (
        SELECT 1 FROM assessors
        WHERE campaign_id = NEW.campaign_id AND login = NEW.login AND id <> NEW.id
          AND (role = 'moderator') <> (NEW.role = 'moderator')) THEN
        RAISE EXCEPTION '% cannot both score and moderate in campaign %', NEW.login, NEW.campaign_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER assessors_one_side BEFORE INSERT OR UPDATE ON assessors
    FOR EACH ROW EXECUTE FUNCTION pm_assessors_one_side();

-- The campaign state machine, and who moves it: HR starts scoring and moderation (and returns
-- a campaign to scoring); its moderators sign off and reopen. The pinned scorecard is fixed
-- once scoring starts.
CREATE FUNCTION pm_campaigns_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_move text := OLD.state || '->' || NEW.state;
BEGIN
    IF NEW.state <> OLD.state THEN
        IF v_move IN ('setup->scoring', 'scoring->moderation', 'moderation->scoring') THEN
            IF NOT pm_is_hr_admin() THEN
                RAISE EXCEPTION 'only an HR administrator moves a campaign %', v_move
                    USING ERRCODE = 'insufficient_privilege';
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
    IF (NEW.name, NEW.posts, NEW.created_at) IS DISTINCT FROM (OLD.name, OLD.posts, OLD.created_at)
       AND NOT pm_is_hr_admin() THEN
        RAISE EXCEPTION 'only an HR administrator edits a campaign' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER campaigns_guard BEFORE UPDATE ON campaigns
    FOR EACH ROW EXECUTE FUNCTION pm_campaigns_guard();

-- Row security: on for every table, also for the owner --------------------------------------

ALTER TABLE schema_version     ENABLE ROW LEVEL SECURITY;
ALTER TABLE schema_version     FORCE ROW LEVEL SECURITY;
ALTER TABLE users              ENABLE ROW LEVEL SECURITY;
ALTER TABLE users              FORCE ROW LEVEL SECURITY;
ALTER TABLE roles              ENABLE ROW LEVEL SECURITY;
ALTER TABLE roles              FORCE ROW LEVEL SECURITY;
ALTER TABLE scorecards         ENABLE ROW LEVEL SECURITY;
ALTER TABLE scorecards         FORCE ROW LEVEL SECURITY;
ALTER TABLE scorecard_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE scorecard_versions FORCE ROW LEVEL SECURITY;
ALTER TABLE campaigns          ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaigns          FORCE ROW LEVEL SECURITY;
ALTER TABLE panels             ENABLE ROW LEVEL SECURITY;
ALTER TABLE panels             FORCE ROW LEVEL SECURITY;
ALTER TABLE assessors          ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessors          FORCE ROW LEVEL SECURITY;
ALTER TABLE candidates         ENABLE ROW LEVEL SECURITY;
ALTER TABLE candidates         FORCE ROW LEVEL SECURITY;
ALTER TABLE scores             ENABLE ROW LEVEL SECURITY;
ALTER TABLE scores             FORCE ROW LEVEL SECURITY;
ALTER TABLE agreed_scores      ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreed_scores      FORCE ROW LEVEL SECURITY;
ALTER TABLE moderations        ENABLE ROW LEVEL SECURITY;
ALTER TABLE moderations        FORCE ROW LEVEL SECURITY;
ALTER TABLE tie_orders         ENABLE ROW LEVEL SECURITY;
ALTER TABLE tie_orders         FORCE ROW LEVEL SECURITY;
ALTER TABLE signoffs           ENABLE ROW LEVEL SECURITY;
ALTER TABLE signoffs           FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log          ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log          FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_head         ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_head         FORCE ROW LEVEL SECURITY;

CREATE POLICY read_all ON schema_version FOR SELECT USING (true);
CREATE POLICY read_all ON users FOR SELECT USING (true);

-- Role profiles and scorecards: read by every Panelmark user, written by HR.
CREATE POLICY read_all ON roles FOR SELECT USING (true);
CREATE POLICY hr_insert ON roles FOR INSERT WITH CHECK (pm_is_hr_admin());
CREATE POLICY hr_update ON roles FOR UPDATE USING (pm_is_hr_admin()) WITH CHECK (pm_is_hr_admin());
CREATE POLICY read_all ON scorecards FOR SELECT USING (true);
CREATE POLICY hr_insert ON scorecards FOR INSERT WITH CHECK (pm_is_hr_admin());
CREATE POLICY hr_update ON scorecards FOR UPDATE USING (pm_is_hr_admin()) WITH CHECK (pm_is_hr_admin());
CREATE POLICY read_all ON scorecard_versions FOR SELECT USING (true);
CREATE POLICY hr_insert ON scorecard_versions FOR INSERT WITH CHECK (pm_is_hr_admin());

-- Campaigns, panels, people: HR sees and sets up all; others see the campaigns they take part in.
CREATE POLICY read ON campaigns FOR SELECT USING (pm_is_hr_admin() OR pm_takes_part(id));
CREATE POLICY hr_insert ON campaigns FOR INSERT WITH CHECK (pm_is_hr_admin());
CREATE POLICY hr_or_moderator_update ON campaigns FOR UPDATE
    USING (pm_is_hr_admin() OR pm_is_moderator(id)) WITH CHECK (pm_is_hr_admin() OR pm_is_moderator(id));
CREATE POLICY read ON panels FOR SELECT USING (pm_is_hr_admin() OR pm_takes_part(campaign_id));
CREATE POLICY hr_insert ON panels FOR INSERT WITH CHECK (pm_is_hr_admin());
CREATE POLICY hr_update ON panels FOR UPDATE USING (pm_is_hr_admin()) WITH CHECK (pm_is_hr_admin());
CREATE POLICY read ON assessors FOR SELECT USING (pm_is_hr_admin() OR pm_takes_part(campaign_id));
CREATE POLICY hr_insert ON assessors FOR INSERT WITH CHECK (pm_is_hr_admin());
CREATE POLICY hr_update ON assessors FOR UPDATE USING (pm_is_hr_admin()) WITH CHECK (pm_is_hr_admin());
CREATE POLICY read ON candidates FOR SELECT USING (pm_is_hr_admin() OR pm_may_read_candidate(id));
CREATE POLICY hr_insert ON candidates FOR INSERT WITH CHECK (pm_is_hr_admin());
CREATE POLICY hr_update ON candidates FOR UPDATE USING (pm_is_hr_admin()) WITH CHECK (pm_is_hr_admin());

-- Scores: independence (read), own rows in the scoring phase (write). No DELETE policy.
CREATE POLICY read ON scores FOR SELECT
    USING (pm_may_read_score(candidate_id, assessor_id, status = 'submitted'));
CREATE POLICY own_insert ON scores FOR INSERT
    WITH CHECK (pm_may_write_score(candidate_id, assessor_id)
                AND NOT pm_has_submitted(candidate_id, assessor_id));
CREATE POLICY own_update ON scores FOR UPDATE
    USING (pm_may_write_score(candidate_id, assessor_id))
    WITH CHECK (pm_may_write_score(candidate_id, assessor_id));

-- Agreed scores: the panel's scorers and the campaign's moderators read; the chair writes.
CREATE POLICY read ON agreed_scores FOR SELECT
    USING (pm_may_read_candidate(candidate_id));
CREATE POLICY chair_insert ON agreed_scores FOR INSERT WITH CHECK (pm_may_agree(candidate_id, agreed_by));
CREATE POLICY chair_update ON agreed_scores FOR UPDATE
    USING (pm_may_agree(candidate_id, agreed_by)) WITH CHECK (pm_may_agree(candidate_id, agreed_by));

-- Moderation, tie orders, sign-offs: the campaign's moderators only.
CREATE POLICY read ON moderations FOR SELECT USING (pm_is_moderator(pm_campaign_of(candidate_id)));
CREATE POLICY moderator_insert ON moderations FOR INSERT
    WITH CHECK (pm_may_moderate(pm_campaign_of(candidate_id), moderator_id));
CREATE POLICY moderator_update ON moderations FOR UPDATE
    USING (pm_may_moderate(pm_campaign_of(candidate_id), moderator_id))
    WITH CHECK (pm_may_moderate(pm_campaign_of(candidate_id), moderator_id));
CREATE POLICY read ON tie_orders FOR SELECT USING (pm_is_moderator(campaign_id));
CREATE POLICY moderator_insert ON tie_orders FOR INSERT
    WITH CHECK (pm_may_moderate(campaign_id, decided_by) AND pm_campaign_of(candidate_id) = campaign_id);
CREATE POLICY moderator_update ON tie_orders FOR UPDATE
    USING (pm_may_moderate(campaign_id, decided_by))
    WITH CHECK (pm_may_moderate(campaign_id, decided_by) AND pm_campaign_of(candidate_id) = campaign_id);
CREATE POLICY read ON signoffs FOR SELECT USING (pm_is_hr_admin() OR pm_is_moderator(campaign_id));
CREATE POLICY moderator_insert ON signoffs FOR INSERT
    WITH CHECK (pm_is_moderator(campaign_id) AND EXISTS (
        SELECT 1 FROM assessors WHERE id = moderator_id AND login = session_user));

-- The board and the exports: moderators of the campaign only. These views run as their owner,
-- so each filters on the session user itself; only the moderator group may select from them.
CREATE VIEW board_scores WITH (security_barrier) AS
    SELECT c.campaign_id, s.candidate_id, s.assessor_id, s.criterion_key, s.value,
           s.not_assessed, s.has_evidence, s.indicators
    FROM scores s JOIN candidates c ON c.id = s.candidate_id
    WHERE s.status = 'submitted' AND pm_is_moderator(c.campaign_id);
CREATE VIEW export_scores WITH (security_barrier) AS
    SELECT c.campaign_id, s.candidate_id, s.assessor_id, s.criterion_key, s.value,
           s.not_assessed, s.evidence, s.indicators, s.submitted_at
    FROM scores s JOIN candidates c ON c.id = s.candidate_id
    WHERE s.status = 'submitted' AND pm_is_moderator(c.campaign_id);

-- Grants --------------------------------------------------------------------------------------

GRANT USAGE ON SCHEMA panelmark TO panelmark_hr_admin, panelmark_assessor, panelmark_moderator;
REVOKE ALL ON ALL TABLES IN SCHEMA panelmark FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA panelmark FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA panelmark
    TO panelmark_hr_admin, panelmark_assessor, panelmark_moderator;

GRANT SELECT ON schema_version, users, roles, scorecards, scorecard_versions, campaigns, panels,
    assessors, candidates
    TO panelmark_hr_admin, panelmark_assessor, panelmark_moderator;
GRANT INSERT, UPDATE ON roles, scorecards, campaigns, panels, assessors, candidates
    TO panelmark_hr_admin;
GRANT INSERT ON scorecard_versions TO panelmark_hr_admin;
GRANT SELECT ON signoffs TO panelmark_hr_admin;

GRANT SELECT, INSERT, UPDATE ON scores, agreed_scores TO panelmark_assessor;

GRANT SELECT ON scores, agreed_scores TO panelmark_moderator;
GRANT UPDATE (state) ON campaigns TO panelmark_moderator;
GRANT SELECT, INSERT, UPDATE ON moderations, tie_orders TO panelmark_moderator;
GRANT SELECT, INSERT ON signoffs TO panelmark_moderator;
GRANT SELECT ON board_scores, export_scores TO panelmark_moderator;
