-- Panelmark on PostgreSQL, version 4: what SQLite's migrations 005 and 006 added — a campaign's
-- flag thresholds; withdrawal, reasonable adjustments and conflicts of interest — so that the
-- shared backend stores the same rows, under the same rules, enforced here.

ALTER TABLE campaigns ADD COLUMN flag_spread INTEGER CHECK (flag_spread >= 1);
ALTER TABLE campaigns ADD COLUMN flag_panel_mean DOUBLE PRECISION CHECK (flag_panel_mean >= 0);
ALTER TABLE candidates ADD COLUMN withdrawn_at TEXT;
ALTER TABLE candidates ADD COLUMN withdrawal_reason TEXT;
ALTER TABLE candidates ADD COLUMN adjustments TEXT;
ALTER TABLE assessors ADD COLUMN conflicts_confirmed_at TEXT;
-- Why the campaign last changed phase when a reason is required (moderation back to scoring),
-- written with the state so the audit event of that update carries it.
ALTER TABLE campaigns ADD COLUMN state_reason TEXT;

-- An assessor record declares a conflict with a candidate, with a reason; each scoring record
-- states its conflicts (declares one, or confirms none) before it scores.
CREATE TABLE conflicts (
    assessor_id  BIGINT NOT NULL REFERENCES assessors(id),
    candidate_id BIGINT NOT NULL REFERENCES candidates(id),
    reason       TEXT NOT NULL,
    declared_at  TEXT NOT NULL,
    PRIMARY KEY (assessor_id, candidate_id)
);
CREATE INDEX conflicts_by_candidate ON conflicts (candidate_id);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON conflicts
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('assessor_id', 'candidate_id');

-- Whether the assessor record is the session user's own scoring record in a campaign still
-- before sign-off (setup or scoring): who may declare conflicts and confirm none.
CREATE FUNCTION pm_states_own_conflicts(p_assessor bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT EXISTS (
            SELECT 1 FROM assessors a JOIN campaigns p ON p.id = a.campaign_id
            WHERE a.id = p_assessor AND a.login = session_user
              AND a.role IN ('member', 'chair') AND p.state IN ('setup', 'scoring')));
END $$;

-- A scorer who declared a conflict with a candidate may not score them: the database refuses
-- the row, whatever the client.
CREATE FUNCTION pm_not_conflicted(p_candidate bigint, p_assessor bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN NOT EXISTS (SELECT 1 FROM conflicts
                       WHERE candidate_id = p_candidate AND assessor_id = p_assessor);
END $$;

-- A scorer who declared a conflict with a candidate no longer sees them (002's rule, narrowed).
CREATE OR REPLACE FUNCTION pm_may_read_candidate(p_candidate bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN (
        SELECT EXISTS (
            SELECT 1 FROM candidates c JOIN assessors a ON a.campaign_id = c.campaign_id
            WHERE c.id = p_candidate AND a.login = session_user
              AND (a.role = 'moderator'
                   OR (a.panel_id = c.panel_id AND a.role IN ('member', 'chair')
                       AND NOT EXISTS (SELECT 1 FROM conflicts f
                                       WHERE f.assessor_id = a.id AND f.candidate_id = c.id)))));
END $$;

ALTER TABLE conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE conflicts FORCE ROW LEVEL SECURITY;
-- Declarations are between the declaring assessor, HR and the campaign's moderators.
CREATE POLICY read ON conflicts FOR SELECT USING (
    pm_is_hr_admin()
    OR EXISTS (SELECT 1 FROM assessors a WHERE a.id = assessor_id AND a.login = session_user)
    OR pm_is_moderator(pm_campaign_of(candidate_id)));
CREATE POLICY own_insert ON conflicts FOR INSERT WITH CHECK (
    pm_states_own_conflicts(assessor_id)
    AND pm_campaign_of(candidate_id) = (SELECT campaign_id FROM assessors WHERE id = assessor_id));

-- Confirming "no conflicts" is an update of the record's own conflicts_confirmed_at only.
CREATE POLICY own_confirm ON assessors FOR UPDATE
    USING (pm_states_own_conflicts(id)) WITH CHECK (pm_states_own_conflicts(id));

-- Scores: a conflicted scorer writes nothing for that candidate (on top of 002's policies,
-- as a restrictive policy, so it narrows them).
CREATE POLICY not_conflicted ON scores AS RESTRICTIVE FOR INSERT
    WITH CHECK (pm_not_conflicted(candidate_id, assessor_id));
CREATE POLICY not_conflicted_update ON scores AS RESTRICTIVE FOR UPDATE
    USING (pm_not_conflicted(candidate_id, assessor_id));

REVOKE ALL ON conflicts FROM PUBLIC;
REVOKE ALL ON FUNCTION pm_states_own_conflicts(bigint), pm_not_conflicted(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pm_states_own_conflicts(bigint), pm_not_conflicted(bigint, bigint)
    TO panelmark_hr_admin, panelmark_assessor, panelmark_moderator;
GRANT SELECT ON conflicts TO panelmark_hr_admin, panelmark_moderator;
GRANT SELECT, INSERT ON conflicts TO panelmark_assessor;
GRANT UPDATE (conflicts_confirmed_at) ON assessors TO panelmark_assessor;

-- Moderators withdraw candidates (with a reason) and choose the flag thresholds of the
-- campaigns they moderate: those columns only.
CREATE POLICY moderator_withdraw ON candidates FOR UPDATE
    USING (pm_is_moderator(campaign_id)) WITH CHECK (pm_is_moderator(campaign_id));
GRANT UPDATE (withdrawn_at, withdrawal_reason) ON candidates TO panelmark_moderator;
GRANT UPDATE (flag_spread, flag_panel_mean) ON campaigns TO panelmark_moderator;
