-- Panelmark on PostgreSQL, version 15: a draft save's server work, per row and out of the lock.
--
-- Measured inside the server (README, "Shared server"), one draft save as a member login on a
-- 500-candidate campaign: ~22 ms, of which ~21 ms were row security's write check,
-- pm_may_write_score_key, run three times by an upsert (INSERT's WITH CHECK, then UPDATE's
-- USING and WITH CHECK). Version 13 wrote it as pm_may_write_score (through pm_scores_now,
-- which built pm_own_seat_candidates(): every candidate of every campaign the login scores
-- in, ~3.5 ms) and pm_seat_keys (the scorecard parsed twice, through non-inlinable SQL
-- functions, ~2.8 ms): work that grows with the campaign, for one row. The audit trigger was
-- ~1.6 ms, of which ~0.2 ms under the chain's head lock.
--
-- Here the same rules ask about the one row: the seat and the candidate by key, the scorecard
-- parsed once, in PL/pgSQL (plans kept per session). Who may write which row is unchanged:
-- tests/pg_security.rs, tests/pg_exercises.rs and tests/pg_exercise_panels.rs hold the rules.

-- Whether the session user's scoring record `p_assessor` (a member or chair, with a panel)
-- assesses `p_candidate` in at least one exercise of the campaign, in its scoring phase, with
-- one of `p_roles`: version 13's pm_scores_now, asked of one (seat, candidate) instead of
-- building every pair of pm_own_seat_candidates().
CREATE OR REPLACE FUNCTION pm_scores_now(p_candidate bigint, p_assessor bigint, p_roles text[])
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN EXISTS (
        SELECT 1
        FROM assessors a
        JOIN campaigns p ON p.id = a.campaign_id
        JOIN candidates c ON c.campaign_id = a.campaign_id
        CROSS JOIN LATERAL pm_exercise_keys(p.scorecard::jsonb) x
        WHERE a.id = p_assessor AND c.id = p_candidate AND a.login = session_user
          AND a.role = ANY (p_roles) AND a.role IN ('member', 'chair') AND a.panel_id IS NOT NULL
          AND p.state = 'scoring'
          AND (a.exercise IS NULL OR x IS NULL OR a.exercise = x)
          -- pm_panel_for(c.id, x), inline: the placement, else the candidate's own panel.
          AND a.panel_id = coalesce((SELECT e.panel_id FROM candidate_exercise_panels e
                                     WHERE e.candidate_id = c.id AND e.exercise = x),
                                    c.panel_id));
END $$;

-- Who writes the score row (p_candidate, p_assessor, p_key): version 13's
-- pm_may_write_score(p_candidate, p_assessor) AND p_key IN pm_seat_keys(p_candidate,
-- p_assessor), in one pass. A key of pm_seat_keys comes from an exercise the seat assesses the
-- candidate in, so the key's own exercise answers both halves: the seat's exercise limit, the
-- panel the candidate sits that exercise before, and the key among that exercise's criteria.
-- A one-exercise scorecard's keys are its criteria's, before the candidate's own panel.
CREATE OR REPLACE FUNCTION pm_may_write_score_key(p_candidate bigint, p_assessor bigint,
                                                  p_key text)
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_seat_panel bigint;
    v_seat_exercise text;
    v_own_panel bigint;
    v_card jsonb;
BEGIN
    SELECT a.panel_id, a.exercise, c.panel_id, p.scorecard::jsonb
    INTO v_seat_panel, v_seat_exercise, v_own_panel, v_card
    FROM assessors a
    JOIN campaigns p ON p.id = a.campaign_id
    JOIN candidates c ON c.campaign_id = a.campaign_id
    WHERE a.id = p_assessor AND c.id = p_candidate AND a.login = session_user
      AND a.role IN ('member', 'chair') AND a.panel_id IS NOT NULL AND p.state = 'scoring';
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    -- As pm_exercise_keys and pm_scored_keys read the scorecard.
    IF coalesce(jsonb_array_length(v_card -> 'exercises'), 0) <= 1 THEN
        RETURN v_seat_panel = v_own_panel
           AND EXISTS (SELECT 1 FROM jsonb_array_elements(v_card -> 'criteria') k
                       WHERE k ->> 'key' = p_key);
    END IF;
    RETURN EXISTS (
        SELECT 1 FROM jsonb_array_elements(v_card -> 'exercises') x
        WHERE (v_seat_exercise IS NULL OR v_seat_exercise = x ->> 'key')
          AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(x -> 'criteria') k
                      WHERE k || '@' || (x ->> 'key') = p_key)
          AND v_seat_panel = coalesce((SELECT e.panel_id FROM candidate_exercise_panels e
                                       WHERE e.candidate_id = p_candidate
                                         AND e.exercise = x ->> 'key'),
                                      v_own_panel));
END $$;

-- A draft is announced to no one (pm_notify_change returned at once for one), yet the call ran
-- for every save, after the audit trigger, with the chain's head locked. The trigger now fires
-- for submitted scores only; status is NOT NULL, 'draft' or 'submitted'.
DROP TRIGGER notify ON scores;
CREATE TRIGGER notify AFTER INSERT OR UPDATE ON scores
    FOR EACH ROW WHEN (NEW.status = 'submitted') EXECUTE FUNCTION pm_notify_change();

-- Version 5's audit trigger, with everything that does not depend on the chain built before
-- the head row is locked: the committed rows, the entity, the ids, and the hash's middle
-- fields (actor, action, entity, before, after) already encoded and converted to UTF-8. Under
-- the lock: the sequence number, the clock, one sha256 over (seq, at, that payload, previous
-- hash), the insert and the head's update. The hash is 003_audit.sql's, byte for byte
-- (pm_audit_hash still computes it for pm_verify; store::postgres::audit_chain recomputes it).
CREATE OR REPLACE FUNCTION pm_audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_row jsonb;
    v_old jsonb;
    v_before text;
    v_after text;
    v_entity text := TG_TABLE_NAME;
    v_action text := TG_TABLE_NAME || '.' || lower(TG_OP);
    v_actor text := session_user::text;
    v_key text;
    v_campaign bigint;
    v_panel bigint;
    v_candidate bigint;
    v_assessor bigint;
    v_draft boolean := false;
    v_payload bytea;
    v_seq bigint;
    v_prev text;
    v_at text;
    v_hash text;
BEGIN
    IF TG_TABLE_NAME = 'candidates' AND TG_OP = 'INSERT' THEN
        PERFORM pm_new_secret(NEW.id);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        v_old := to_jsonb(OLD);
        v_before := pm_committed_row(TG_TABLE_NAME, v_old)::text;
    END IF;
    IF TG_OP = 'DELETE' THEN
        v_row := v_old;
    ELSE
        v_row := to_jsonb(NEW);
        v_after := pm_committed_row(TG_TABLE_NAME, v_row)::text;
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
        IF TG_OP = 'UPDATE' AND (v_old ->> 'status') = 'draft' AND NOT v_draft THEN
            v_action := 'scores.submit';
        END IF;
    END IF;

    -- The hash's fields 3 to 7, each LF f(text), f as in 003_audit.sql: '-' for null, else
    -- <UTF-8 byte length> ':' <text>.
    v_payload := convert_to(
        E'\n' || octet_length(v_actor)::text || ':' || v_actor
        || E'\n' || octet_length(v_action)::text || ':' || v_action
        || E'\n' || octet_length(v_entity)::text || ':' || v_entity
        || E'\n' || CASE WHEN v_before IS NULL THEN '-'
                         ELSE octet_length(v_before)::text || ':' || v_before END
        || E'\n' || CASE WHEN v_after IS NULL THEN '-'
                         ELSE octet_length(v_after)::text || ':' || v_after END,
        'UTF8');

    -- The head row lock queues concurrent appends: one total order, no gaps, no forks. It is
    -- held until this transaction ends, so only what needs the chain is done from here on.
    SELECT seq, hash INTO v_seq, v_prev FROM audit_head WHERE id = 1 FOR UPDATE;
    v_seq := v_seq + 1;
    v_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    v_hash := encode(sha256(
        convert_to('panelmark-audit-v1' || E'\n' || octet_length(v_seq::text)::text || ':'
                   || v_seq::text || E'\n' || octet_length(v_at)::text || ':' || v_at, 'UTF8')
        || v_payload
        || convert_to(E'\n' || octet_length(v_prev)::text || ':' || v_prev, 'UTF8')), 'hex');
    INSERT INTO audit_log (seq, at, actor, action, entity, before, after, prev_hash, hash,
                           source_table, campaign_id, panel_id, candidate_id, assessor_id, draft)
    VALUES (v_seq, v_at, v_actor, v_action, v_entity, v_before, v_after, v_prev,
            v_hash, TG_TABLE_NAME, v_campaign, v_panel, v_candidate, v_assessor, v_draft);
    UPDATE audit_head SET seq = v_seq, hash = v_hash WHERE id = 1;
    RETURN NULL;
END $$;

-- Called for every audited row (pm_committed_row, twice for an update) and every notice: SQL
-- functions with their own `SET search_path` are never inlined, and each call from PL/pgSQL
-- planned its one-line query again (~0.1 ms each on the build machine, measured). Their bodies
-- name no table, only built-in operators, which resolve from pg_catalog whatever the path, so
-- they need no setting of their own, and PostgreSQL now inlines them into their callers.
ALTER FUNCTION pm_personal_fields(text) RESET search_path;
ALTER FUNCTION pm_row_candidate(text, jsonb) RESET search_path;

-- Row security's own-rows test on scores (and audit events) runs this once per statement; as
-- SQL it was planned anew each time (~0.15 ms, three times per upsert); PL/pgSQL keeps the
-- plan for the session. Same rows.
CREATE OR REPLACE FUNCTION pm_own_assessors() RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    RETURN QUERY SELECT id FROM assessors WHERE login = session_user;
END $$;
