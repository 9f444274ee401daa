-- Panelmark on PostgreSQL, version 6: retention, as SQLite's migration 004 has it. Each
-- campaign keeps its candidates' personal data for a number of months after its last sign-off
-- (after its creation if it was never signed off); HR changes that with a reason; once it has
-- passed, HR purges the campaign: every candidate's personal data is erased in one statement,
-- and the anonymised marks, results and statistics stay.

ALTER TABLE campaigns ADD COLUMN retention_months BIGINT NOT NULL DEFAULT 24
    CHECK (retention_months BETWEEN 1 AND 120);
-- Why the period last changed; written with it, so the change's audit event carries it.
ALTER TABLE campaigns ADD COLUMN retention_reason TEXT;
ALTER TABLE campaigns ADD COLUMN purged_at TEXT;
ALTER TABLE campaigns ADD COLUMN purge_reason TEXT;

-- When a campaign's retention ends, by the server's clock and stored times (a client cannot
-- bring it forward except by changing the period, which is audited with its reason).
CREATE FUNCTION pm_retention_due(p_campaign bigint) RETURNS timestamptz
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT coalesce((SELECT max(s.at) FROM signoffs s
                     WHERE s.campaign_id = c.id AND s.action = 'sign_off'),
                    c.created_at)::timestamptz
           + make_interval(months => c.retention_months::integer)
    FROM campaigns c WHERE c.id = p_campaign
$$;

-- The period changes only with a reason, and only an HR administrator changes it (the
-- column is not granted to anyone else). A purge is recorded only by pm_purge_campaign, which
-- runs as the owner: nobody marks a campaign purged without its data being erased.
CREATE FUNCTION pm_campaigns_retention_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = panelmark, pg_temp AS $$
BEGIN
    IF NEW.retention_months IS DISTINCT FROM OLD.retention_months
       AND (NEW.retention_reason IS NULL OR btrim(NEW.retention_reason) = ''
            OR NEW.retention_reason IS NOT DISTINCT FROM OLD.retention_reason) THEN
        RAISE EXCEPTION 'changing how long a campaign keeps personal data needs a new reason'
            USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.purged_at, NEW.purge_reason) IS DISTINCT FROM (OLD.purged_at, OLD.purge_reason)
       AND current_user <> 'panelmark_owner' THEN
        RAISE EXCEPTION 'a campaign is marked purged only by purging it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER campaigns_retention_guard BEFORE UPDATE ON campaigns
    FOR EACH ROW EXECUTE FUNCTION pm_campaigns_retention_guard();

-- Erases the personal data of every candidate of a campaign whose retention has ended (HR
-- administrators), marks the campaign purged with the reason, and returns how many candidates
-- it erased. Refused before the period ends, naming the date, and a second time.
CREATE FUNCTION pm_purge_campaign(p_campaign bigint, p_reason text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_purged text;
    v_due timestamptz;
    v_count bigint := 0;
    v_candidate bigint;
BEGIN
    IF NOT pm_is_hr_admin() THEN
        RAISE EXCEPTION 'only an HR administrator may purge a campaign''s personal data; % is not one',
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_reason IS NULL OR btrim(p_reason) = '' THEN
        RAISE EXCEPTION 'a purge needs a reason' USING ERRCODE = 'check_violation';
    END IF;
    SELECT purged_at INTO v_purged FROM campaigns WHERE id = p_campaign FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no campaign %', p_campaign USING ERRCODE = 'no_data_found';
    END IF;
    IF v_purged IS NOT NULL THEN
        RAISE EXCEPTION 'campaign % was already purged on %', p_campaign, v_purged
            USING ERRCODE = 'check_violation';
    END IF;
    v_due := pm_retention_due(p_campaign);
    IF clock_timestamp() < v_due THEN
        RAISE EXCEPTION 'campaign % keeps personal data until %', p_campaign,
            to_char(v_due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            USING ERRCODE = 'check_violation';
    END IF;
    FOR v_candidate IN SELECT id FROM candidates
                       WHERE campaign_id = p_campaign AND erased_at IS NULL ORDER BY id LOOP
        PERFORM pm_erase_personal_data(v_candidate, 'retention purge: ' || p_reason);
        v_count := v_count + 1;
    END LOOP;
    UPDATE campaigns SET purge_reason = p_reason,
        purged_at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
    WHERE id = p_campaign;
    RETURN v_count;
END $$;

REVOKE ALL ON FUNCTION pm_retention_due(bigint), pm_purge_campaign(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pm_purge_campaign(bigint, text) TO panelmark_hr_admin;
