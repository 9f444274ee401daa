-- Panelmark on PostgreSQL, version 14: the events of a declared conflict of interest are read
-- as the declarations are. The conflicts table (version 4) lets the declaring assessor, HR
-- administrators and the campaign's moderators read a declaration, but its audit events fell
-- to version 3's general rule ("anyone taking part in the campaign"), so every member of every
-- panel could read who declared a conflict with which candidate. The local file's audit view
-- never showed them; now the server does not either. The declaring assessor is the first key
-- of the event's entity (`conflicts/ASSESSOR/CANDIDATE`): the audit trigger records an
-- assessor only for scores, and the rule must hold for the events already written.
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
            WHEN p_table = 'conflicts'
                THEN pm_is_hr_admin() OR pm_is_moderator(p_campaign)
                     OR p_assessor IN (SELECT pm_own_assessors())
            WHEN p_campaign IS NOT NULL THEN pm_is_hr_admin() OR pm_takes_part(p_campaign)
            ELSE pm_is_hr_admin()
        END);
END $$;

DROP POLICY read ON audit_log;
CREATE POLICY read ON audit_log FOR SELECT
    USING (pm_may_read_event(source_table, campaign_id, panel_id, candidate_id,
                             CASE WHEN source_table = 'conflicts'
                                  THEN nullif(split_part(entity, '/', 2), '')::bigint
                                  ELSE assessor_id END,
                             draft));
