-- Panelmark on PostgreSQL, version 10: the same read rules, evaluated once per query.
--
-- Versions 2 and 4 wrote each read policy as a call of a SECURITY DEFINER function per row
-- (pm_may_read_score(candidate_id, ...)). PostgreSQL cannot inline such a function, so the
-- moderator's board (120,000 scores) made 120,000 calls: `panelmark bench --db URL` measured
-- the board's scan 49 times slower for the moderator than for a superuser. Here each rule
-- reads as membership of a set the function returns once per query (an uncorrelated
-- subquery: PostgreSQL computes it once and hashes it), with the same rows in it as the old
-- per-row test. tests/pg_security.rs and tests/pg_backend.rs hold the rules.

-- The session user's own assessor records.
CREATE FUNCTION pm_own_assessors() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT id FROM assessors WHERE login = session_user
$$;

-- Candidates of the campaigns the session user moderates.
CREATE FUNCTION pm_moderated_candidates() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT c.id FROM candidates c JOIN assessors a ON a.campaign_id = c.campaign_id
    WHERE a.login = session_user AND a.role = 'moderator'
$$;

-- Candidates the session user may read (pm_may_read_candidate as a set): those of the
-- campaigns they moderate, and those of their panels they have no conflict with.
CREATE FUNCTION pm_readable_candidates() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT c.id FROM candidates c JOIN assessors a ON a.campaign_id = c.campaign_id
    WHERE a.login = session_user
      AND (a.role = 'moderator'
           OR (a.panel_id = c.panel_id AND a.role IN ('member', 'chair')
               AND NOT EXISTS (SELECT 1 FROM conflicts f
                               WHERE f.assessor_id = a.id AND f.candidate_id = c.id)))
$$;

-- Candidates whose panel's submitted scores the session user may read: they score on the
-- candidate's panel and have submitted for that candidate themselves.
CREATE FUNCTION pm_submitted_panel_candidates() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT DISTINCT c.id FROM candidates c
    JOIN assessors a ON a.panel_id = c.panel_id AND a.campaign_id = c.campaign_id
    JOIN scores s ON s.candidate_id = c.id AND s.assessor_id = a.id AND s.status = 'submitted'
    WHERE a.login = session_user AND a.role IN ('member', 'chair')
$$;

-- Scores: pm_may_read_score as sets.
DROP POLICY read ON scores;
CREATE POLICY read ON scores FOR SELECT USING (
    assessor_id IN (SELECT pm_own_assessors())
    OR (status = 'submitted'
        AND (candidate_id IN (SELECT pm_moderated_candidates())
             OR candidate_id IN (SELECT pm_submitted_panel_candidates()))));

DROP POLICY read ON candidates;
CREATE POLICY read ON candidates FOR SELECT USING (
    (SELECT pm_is_hr_admin()) OR id IN (SELECT pm_readable_candidates()));

DROP POLICY read ON agreed_scores;
CREATE POLICY read ON agreed_scores FOR SELECT USING (
    candidate_id IN (SELECT pm_readable_candidates()));

DROP POLICY read ON moderations;
CREATE POLICY read ON moderations FOR SELECT USING (
    candidate_id IN (SELECT pm_moderated_candidates()));

REVOKE ALL ON FUNCTION pm_own_assessors(), pm_moderated_candidates(), pm_readable_candidates(),
    pm_submitted_panel_candidates() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pm_own_assessors(), pm_moderated_candidates(), pm_readable_candidates(),
    pm_submitted_panel_candidates() TO panelmark_hr_admin, panelmark_assessor, panelmark_moderator;
