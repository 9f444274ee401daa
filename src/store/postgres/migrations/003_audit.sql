-- Panelmark on PostgreSQL, version 3: the audit chain, written by the database.
--
-- Every insert, update and delete on an audited table appends one event from an AFTER trigger
-- that runs as the owner (SECURITY DEFINER), with the actor taken from `session_user`, the
-- authenticated login: no client can skip, forge or misattribute an event, and no login holds
-- any privilege on audit_log beyond SELECT (filtered by row security).
--
-- Event hash (Rust recomputes it: store::postgres::audit_chain):
--   hash = lower-hex SHA-256 of the UTF-8 bytes of
--     'panelmark-audit-v1' LF f(seq) LF f(at) LF f(actor) LF f(action) LF f(entity)
--                         LF f(before) LF f(after) LF f(prev_hash)
--   where f(NULL) = '-' and f(text) = <length of text in UTF-8 bytes, decimal> ':' <text>,
--   seq is written in decimal, and every field is the text stored in audit_log. The first
--   event's prev_hash is 64 zeros. Length prefixes make the encoding unambiguous whatever the
--   text holds.
-- before/after are the row as PostgreSQL's jsonb text (to_jsonb(row)::text), null for an insert's
-- before and a delete's after; at is the server's clock, UTC, microseconds.

CREATE FUNCTION pm_audit_field(p text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = panelmark, pg_temp AS $$
    SELECT CASE WHEN p IS NULL THEN '-' ELSE octet_length(p)::text || ':' || p END
$$;

CREATE FUNCTION pm_audit_hash(p_seq bigint, p_at text, p_actor text, p_action text,
                              p_entity text, p_before text, p_after text, p_prev_hash text)
RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = panelmark, pg_temp AS $$
    SELECT encode(sha256(convert_to(
        'panelmark-audit-v1' || E'\n' || pm_audit_field(p_seq::text) || E'\n' || pm_audit_field(p_at)
        || E'\n' || pm_audit_field(p_actor) || E'\n' || pm_audit_field(p_action)
        || E'\n' || pm_audit_field(p_entity) || E'\n' || pm_audit_field(p_before)
        || E'\n' || pm_audit_field(p_after) || E'\n' || pm_audit_field(p_prev_hash), 'UTF8')), 'hex')
$$;

-- Trigger arguments: the key columns that name the row, e.g. ('candidate_id', 'assessor_id',
-- 'criterion_key'); the entity is '<table>/<key>/<key>...'. The action is '<table>.insert',
-- '.update' or '.delete', and 'scores.submit' for a score moving from draft to submitted.
CREATE FUNCTION pm_audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_row jsonb;
    v_before text;
    v_after text;
    v_entity text := TG_TABLE_NAME;
    v_action text := TG_TABLE_NAME || '.' || lower(TG_OP);
    v_key text;
    v_campaign bigint;
    v_panel bigint;
    v_candidate bigint;
    v_assessor bigint;
    v_draft boolean := false;
    v_seq bigint;
    v_prev text;
    v_at text;
    v_hash text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        v_before := to_jsonb(OLD)::text;
    END IF;
    IF TG_OP = 'DELETE' THEN
        v_row := to_jsonb(OLD);
    ELSE
        v_row := to_jsonb(NEW);
        v_after := v_row::text;
    END IF;
    FOREACH v_key IN ARRAY TG_ARGV LOOP
        v_entity := v_entity || '/' || coalesce(v_row ->> v_key, '');
    END LOOP;

    -- Who may read the event: the ids its row is about (see pm_may_read_event).
    v_campaign := CASE WHEN TG_TABLE_NAME = 'campaigns' THEN (v_row ->> 'id')::bigint
                       ELSE (v_row ->> 'campaign_id')::bigint END;
    v_panel := CASE WHEN TG_TABLE_NAME = 'panels' THEN (v_row ->> 'id')::bigint
                    ELSE (v_row ->> 'panel_id')::bigint END;
    v_candidate := CASE WHEN TG_TABLE_NAME = 'candidates' THEN (v_row ->> 'id')::bigint
                        ELSE (v_row ->> 'candidate_id')::bigint END;
    IF v_candidate IS NOT NULL THEN
        SELECT campaign_id, panel_id INTO v_campaign, v_panel FROM candidates WHERE id = v_candidate;
    END IF;
    IF TG_TABLE_NAME = 'scores' THEN
        v_assessor := (v_row ->> 'assessor_id')::bigint;
        v_draft := (v_row ->> 'status') = 'draft';
        IF TG_OP = 'UPDATE' AND (v_before::jsonb ->> 'status') = 'draft' AND NOT v_draft THEN
            v_action := 'scores.submit';
        END IF;
    END IF;

    -- The head row lock queues concurrent appends: one total order, no gaps, no forks.
    SELECT seq, hash INTO v_seq, v_prev FROM audit_head WHERE id = 1 FOR UPDATE;
    v_seq := v_seq + 1;
    v_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    v_hash := pm_audit_hash(v_seq, v_at, session_user::text, v_action, v_entity, v_before,
                            v_after, v_prev);
    INSERT INTO audit_log (seq, at, actor, action, entity, before, after, prev_hash, hash,
                           source_table, campaign_id, panel_id, candidate_id, assessor_id, draft)
    VALUES (v_seq, v_at, session_user::text, v_action, v_entity, v_before, v_after, v_prev,
            v_hash, TG_TABLE_NAME, v_campaign, v_panel, v_candidate, v_assessor, v_draft);
    UPDATE audit_head SET seq = v_seq, hash = v_hash WHERE id = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('login');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON roles
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON scorecards
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON scorecard_versions
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('scorecard_id', 'version');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON campaigns
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON panels
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON assessors
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON candidates
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON scores
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('candidate_id', 'assessor_id', 'criterion_key');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON agreed_scores
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('candidate_id', 'criterion_key');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON moderations
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('candidate_id', 'criterion_key');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON tie_orders
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('campaign_id', 'candidate_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON signoffs
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('id');

-- Append-only for everyone, the owner included (on top of there being no grant).
CREATE FUNCTION pm_audit_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = panelmark, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION pm_audit_append_only();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION pm_audit_append_only();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION pm_audit_append_only();

-- Reading the log: the same visibility as the rows the events are about. A draft score event is
-- its author's alone; a submitted one follows the score rule; decisions follow their tables.
CREATE FUNCTION pm_may_read_event(p_table text, p_campaign bigint, p_panel bigint,
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
            WHEN p_table = 'candidates' THEN pm_is_hr_admin() OR pm_may_read_candidate(p_candidate)
            WHEN p_campaign IS NOT NULL THEN pm_is_hr_admin() OR pm_takes_part(p_campaign)
            ELSE pm_is_hr_admin()
        END);
END $$;

CREATE POLICY read ON audit_log FOR SELECT
    USING (pm_may_read_event(source_table, campaign_id, panel_id, candidate_id, assessor_id, draft));

-- The head, for anchors: anyone signed in may read the newest seq and hash.
CREATE FUNCTION audit_head() RETURNS TABLE (seq bigint, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT seq, hash FROM audit_head WHERE id = 1
$$;

REVOKE ALL ON audit_log, audit_head FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA panelmark FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pm_may_read_event(text, bigint, bigint, bigint, bigint, boolean),
    pm_audit_field(text), pm_audit_hash(bigint, text, text, text, text, text, text, text), audit_head()
    TO panelmark_hr_admin, panelmark_assessor, panelmark_moderator;
GRANT SELECT ON audit_log TO panelmark_hr_admin, panelmark_assessor, panelmark_moderator;
