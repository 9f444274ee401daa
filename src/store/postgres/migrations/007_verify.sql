-- Panelmark on PostgreSQL, version 7: verify, for every signed-in login, and anchors.
--
-- The chain is written by the database, but whoever controls the server (a superuser, a
-- restored backup, a disabled trigger) can still change a row without an event, or rewrite
-- the log and recompute every hash. pm_verify() catches the first by comparing every audited
-- row with what the newest event about it says; anchors (SEQ:HASH handed out earlier and kept
-- elsewhere, checked with audit_event_hash) catch the second. Both run as the owner, so they
-- see every event whatever the caller may read, and return only a verdict.

-- The audited tables and the key columns that name a row in an event's entity: read from the
-- `audit` triggers themselves (their arguments are the key columns), so a table audited later
-- is checked too, with no list to keep in step.
CREATE FUNCTION pm_audited_tables() RETURNS TABLE (table_name text, keys text[])
LANGUAGE sql STABLE SET search_path = panelmark, pg_temp AS $$
    SELECT c.relname::text,
           string_to_array(regexp_replace(encode(t.tgargs, 'escape'), '\\000$', ''), '\000')
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'panelmark' AND t.tgname = 'audit'
    ORDER BY c.relname
$$;

-- `p_row` without the texts about its candidate when that candidate has been erased: their
-- commitments can no longer be recomputed (the secret is gone), and the texts are blanks.
CREATE FUNCTION pm_comparable(p_table text, p_row jsonb, p_erased boolean) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_pair text[];
BEGIN
    IF NOT p_erased OR pm_personal_fields(p_table) IS NULL THEN
        RETURN p_row;
    END IF;
    FOREACH v_pair SLICE 1 IN ARRAY pm_personal_fields(p_table) LOOP
        p_row := p_row - v_pair[1];
    END LOOP;
    RETURN p_row;
END $$;

-- The chain, then the data against the log. Returns one row:
--   status 'intact' (events, head), 'broken' (seq, problem: the first event that does not
--   hold) or 'data_differs' (events, head, row_name: the entity, problem: what it holds and
--   what the log says, with the event). Callers who are neither HR administrators nor
--   moderators are told that a row differs, not which or how.
CREATE FUNCTION pm_verify()
RETURNS TABLE (status text, events bigint, head text, seq bigint, row_name text, problem text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_event record;
    v_prev text := repeat('0', 64);
    v_count bigint := 0;
    v_head record;
    v_table record;
    v_row record;
    v_entity_sql text;
    v_stored jsonb;
    v_logged jsonb;
    v_key text;
    v_sees_detail boolean := pm_is_hr_admin() OR EXISTS (
        SELECT 1 FROM assessors WHERE login = session_user AND role = 'moderator');
BEGIN
    -- 1. Every event links to the one before, carries its own hash, and the head agrees.
    FOR v_event IN SELECT * FROM audit_log ORDER BY audit_log.seq LOOP
        v_count := v_count + 1;
        IF v_event.seq <> v_count THEN
            RETURN QUERY SELECT 'broken', v_count - 1, NULL::text, v_event.seq, NULL::text,
                format('event %s follows event %s: events between them are missing',
                       v_event.seq, v_count - 1);
            RETURN;
        END IF;
        IF v_event.prev_hash <> v_prev THEN
            RETURN QUERY SELECT 'broken', v_count - 1, NULL::text, v_event.seq, NULL::text,
                format('event %s does not link to event %s (its previous hash is %s, event %s''s hash is %s)',
                       v_event.seq, v_event.seq - 1, v_event.prev_hash, v_event.seq - 1, v_prev);
            RETURN;
        END IF;
        IF pm_audit_hash(v_event.seq, v_event.at, v_event.actor, v_event.action, v_event.entity,
                         v_event.before, v_event.after, v_event.prev_hash) <> v_event.hash THEN
            RETURN QUERY SELECT 'broken', v_count - 1, NULL::text, v_event.seq, NULL::text,
                format('event %s does not match its hash: it was changed after it was written',
                       v_event.seq);
            RETURN;
        END IF;
        v_prev := v_event.hash;
    END LOOP;
    SELECT h.seq, h.hash INTO v_head FROM audit_head h WHERE h.id = 1;
    IF v_head.seq <> v_count OR v_head.hash <> v_prev THEN
        RETURN QUERY SELECT 'broken', v_count, NULL::text, v_head.seq, NULL::text,
            format('the head says event %s (%s) but the log ends at event %s (%s): events were removed from its end',
                   v_head.seq, v_head.hash, v_count, v_prev);
        RETURN;
    END IF;

    -- 2. Every audited row is what the newest event about it says.
    FOR v_table IN SELECT * FROM pm_audited_tables() LOOP
        SELECT string_agg(format('coalesce(x.%I::text, '''')', k), ' || ''/'' || ')
        INTO v_entity_sql FROM unnest(v_table.keys) AS k;
        FOR v_row IN EXECUTE format(
            'WITH stored AS (SELECT %L || ''/'' || %s AS entity, to_jsonb(x) AS body FROM %I x),
                  logged AS (SELECT DISTINCT ON (l.entity) l.entity, l.seq, l.after
                             FROM audit_log l WHERE l.source_table = %L
                             ORDER BY l.entity, l.seq DESC)
             SELECT coalesce(s.entity, g.entity) AS entity, s.body, g.seq, g.after
             FROM stored s FULL JOIN logged g ON g.entity = s.entity
             ORDER BY coalesce(s.entity, g.entity) COLLATE "C"',
            v_table.table_name, v_entity_sql, v_table.table_name, v_table.table_name)
        LOOP
            problem := NULL;
            IF v_row.body IS NULL AND v_row.after IS NOT NULL THEN
                problem := format('is missing: the log says it exists (event %s)', v_row.seq);
            ELSIF v_row.body IS NOT NULL AND v_row.seq IS NULL THEN
                problem := 'is not in the log: it was added behind the log''s back';
            ELSIF v_row.body IS NOT NULL AND v_row.after IS NULL THEN
                problem := format('exists, but the log says it was deleted (event %s)', v_row.seq);
            ELSIF v_row.body IS NOT NULL THEN
                v_stored := pm_committed_row(v_table.table_name, v_row.body);
                v_logged := v_row.after::jsonb;
                IF pm_personal_fields(v_table.table_name) IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM candidate_secrets
                    WHERE candidate_id = pm_row_candidate(v_table.table_name, v_row.body)) THEN
                    v_stored := pm_comparable(v_table.table_name, v_stored, true);
                    v_logged := pm_comparable(v_table.table_name, v_logged, true);
                END IF;
                -- Columns a later schema version added are checked from their first change.
                FOR v_key IN SELECT jsonb_object_keys(v_logged) ORDER BY 1 LOOP
                    IF v_stored -> v_key IS DISTINCT FROM v_logged -> v_key THEN
                        problem := format('%s is %s, the log says %s (event %s)', v_key,
                                          coalesce((v_stored -> v_key)::text, 'absent'),
                                          (v_logged -> v_key)::text, v_row.seq);
                        EXIT;
                    END IF;
                END LOOP;
            END IF;
            IF problem IS NOT NULL THEN
                IF v_sees_detail THEN
                    RETURN QUERY SELECT 'data_differs', v_count, v_prev, v_row.seq,
                        v_row.entity, problem;
                ELSE
                    RETURN QUERY SELECT 'data_differs', v_count, v_prev, NULL::bigint,
                        'a stored row'::text,
                        'differs from the log; an HR administrator or a moderator sees which'::text;
                END IF;
                RETURN;
            END IF;
        END LOOP;
    END LOOP;
    RETURN QUERY SELECT 'intact', v_count, v_prev, NULL::bigint, NULL::text, NULL::text;
END $$;

-- The hash of event `p_seq` (the genesis hash for 0), or null when the log has no such event:
-- what an anchor is checked against. It names no data, so every login may ask.
CREATE FUNCTION audit_event_hash(p_seq bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
    SELECT CASE WHEN p_seq = 0 THEN repeat('0', 64)
                ELSE (SELECT hash FROM audit_log WHERE seq = p_seq) END
$$;

REVOKE ALL ON FUNCTION pm_audited_tables(), pm_comparable(text, jsonb, boolean), pm_verify(),
    audit_event_hash(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pm_verify(), audit_event_hash(bigint)
    TO panelmark_hr_admin, panelmark_assessor, panelmark_moderator;
