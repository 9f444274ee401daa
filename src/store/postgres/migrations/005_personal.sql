-- Panelmark on PostgreSQL, version 5: personal data leaves the audit log, and erasure erases.
--
-- The log is append-only and hash-chained, so whatever it holds it holds for ever; UK GDPR
-- requires that an erased candidate's personal data is gone. Until now the audit trigger wrote
-- each row whole (to_jsonb), names, emails and evidence in clear. From this version on, each
-- text about a candidate is written to the log as a commitment, exactly as SQLite's log does
-- (src/store/personal.rs): 'hmac-sha256:' || hex(HMAC-SHA256(secret, field || 0x00 || text)),
-- under a secret kept per candidate in candidate_secrets; null stays null, '' stays ''.
-- Erasing a candidate blanks the texts and deletes the secret, so what the log keeps leads to
-- nothing, and the chain still verifies. Events written before this version held the texts
-- and still do (an append-only log cannot be rewritten).
--
-- Which texts, with the field name each is committed under (the same names as SQLite's):
--   candidates: name 'name', email 'email', slot 'slot',
--               withdrawal_reason 'withdrawal reason', adjustments 'adjustments'
--   scores: evidence 'evidence'      agreed_scores: rationale 'rationale'
--   moderations: reason 'reason'     conflicts: reason 'reason'

-- Owner only: no grant to anyone, read and written by the SECURITY DEFINER functions below.
-- The HMAC pads are kept beside the secret (the key XOR 0x36 / 0x5c, padded to SHA-256's
-- 64-byte block) so the commitment is two sha256() calls, with no extension needed.
CREATE TABLE candidate_secrets (
    candidate_id BIGINT PRIMARY KEY REFERENCES candidates(id),
    secret       BYTEA NOT NULL CHECK (octet_length(secret) = 32),
    inner_pad    BYTEA NOT NULL CHECK (octet_length(inner_pad) = 64),
    outer_pad    BYTEA NOT NULL CHECK (octet_length(outer_pad) = 64)
);
ALTER TABLE candidate_secrets ENABLE ROW LEVEL SECURITY;
ALTER TABLE candidate_secrets FORCE ROW LEVEL SECURITY;
REVOKE ALL ON candidate_secrets FROM PUBLIC;

-- Why a candidate was erased: written with the erasure, so the audit event of that update
-- says who erased them (the actor), when and why. It is a request number or a short reason,
-- never the person's name (the CLI and the app say so).
ALTER TABLE candidates ADD COLUMN erasure_reason TEXT;

-- p_key zero-padded to 64 bytes, each byte XOR p_pad.
CREATE FUNCTION pm_hmac_pad(p_key bytea, p_pad integer) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE SET search_path = panelmark, pg_temp AS $$
DECLARE
    v bytea := p_key || decode(repeat('00', 64 - octet_length(p_key)), 'hex');
BEGIN
    FOR i IN 0..63 LOOP
        v := set_byte(v, i, get_byte(v, i) # p_pad);
    END LOOP;
    RETURN v;
END $$;

-- Gives a candidate a new secret: 32 bytes from the server's strong random source
-- (gen_random_uuid draws from pg_strong_random; three of them, 366 random bits, hashed).
CREATE FUNCTION pm_new_secret(p_candidate bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_secret bytea := sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text
                                        || gen_random_uuid()::text, 'UTF8'));
BEGIN
    INSERT INTO candidate_secrets (candidate_id, secret, inner_pad, outer_pad)
    VALUES (p_candidate, v_secret, pm_hmac_pad(v_secret, 54), pm_hmac_pad(v_secret, 92));
END $$;

-- What the log records for `p_text` as the value of `p_field` about a candidate: its
-- commitment; JSON null for no text, '' for an empty one, and null once the candidate has no
-- secret (erased): never the text.
CREATE FUNCTION pm_commitment(p_candidate bigint, p_field text, p_text text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_inner bytea;
    v_outer bytea;
BEGIN
    IF p_text IS NULL THEN
        RETURN 'null'::jsonb;
    END IF;
    IF p_text = '' THEN
        RETURN to_jsonb(''::text);
    END IF;
    SELECT inner_pad, outer_pad INTO v_inner, v_outer
    FROM candidate_secrets WHERE candidate_id = p_candidate;
    IF NOT FOUND THEN
        RETURN 'null'::jsonb;
    END IF;
    RETURN to_jsonb('hmac-sha256:' || encode(sha256(v_outer || sha256(
        v_inner || convert_to(p_field, 'UTF8') || '\x00'::bytea || convert_to(p_text, 'UTF8'))),
        'hex'));
END $$;

-- The texts about a candidate that `p_table` holds: pairs of (column, field committed under).
CREATE FUNCTION pm_personal_fields(p_table text) RETURNS text[]
LANGUAGE sql IMMUTABLE SET search_path = panelmark, pg_temp AS $$
    SELECT CASE p_table
        WHEN 'candidates' THEN ARRAY[['name', 'name'], ['email', 'email'], ['slot', 'slot'],
                                     ['withdrawal_reason', 'withdrawal reason'],
                                     ['adjustments', 'adjustments']]
        WHEN 'scores' THEN ARRAY[['evidence', 'evidence']]
        WHEN 'agreed_scores' THEN ARRAY[['rationale', 'rationale']]
        WHEN 'moderations' THEN ARRAY[['reason', 'reason']]
        WHEN 'conflicts' THEN ARRAY[['reason', 'reason']]
    END
$$;

-- The candidate a row of `p_table` is about, if any.
CREATE FUNCTION pm_row_candidate(p_table text, p_row jsonb) RETURNS bigint
LANGUAGE sql IMMUTABLE SET search_path = panelmark, pg_temp AS $$
    SELECT CASE WHEN p_table = 'candidates' THEN (p_row ->> 'id')::bigint
                ELSE (p_row ->> 'candidate_id')::bigint END
$$;

-- A row of `p_table` as the log records it: every text about a candidate replaced by its
-- commitment (see the list at the top).
CREATE FUNCTION pm_committed_row(p_table text, p_row jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_fields text[] := pm_personal_fields(p_table);
    v_candidate bigint := pm_row_candidate(p_table, p_row);
    v_pair text[];
BEGIN
    IF v_fields IS NULL THEN
        RETURN p_row;
    END IF;
    FOREACH v_pair SLICE 1 IN ARRAY v_fields LOOP
        IF p_row ? v_pair[1] THEN
            p_row := jsonb_set(p_row, ARRAY[v_pair[1]],
                               pm_commitment(v_candidate, v_pair[2], p_row ->> v_pair[1]));
        END IF;
    END LOOP;
    RETURN p_row;
END $$;

-- Version 3's trigger, with the rows committed before they are written and hashed, and a new
-- candidate given their secret first.
CREATE OR REPLACE FUNCTION pm_audit_row() RETURNS trigger
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
    IF TG_TABLE_NAME = 'candidates' AND TG_OP = 'INSERT' THEN
        PERFORM pm_new_secret(NEW.id);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        v_before := pm_committed_row(TG_TABLE_NAME, to_jsonb(OLD))::text;
    END IF;
    IF TG_OP = 'DELETE' THEN
        v_row := to_jsonb(OLD);
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

-- Candidates stored before this version get their secret now; their later events commit.
SELECT pm_new_secret(id) FROM candidates WHERE erased_at IS NULL;

-- Version 2's guard, with one exception: erasure blanks the evidence of a submitted score of an
-- erased candidate (and changes nothing else in it).
CREATE OR REPLACE FUNCTION pm_scores_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = panelmark, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.status = 'submitted' AND NOT (
            NEW.evidence = '[erased on request]'
            AND (to_jsonb(NEW) - 'evidence' - 'has_evidence') = (to_jsonb(OLD) - 'evidence' - 'has_evidence')
            AND EXISTS (SELECT 1 FROM candidates WHERE id = OLD.candidate_id AND erased_at IS NOT NULL))
        THEN
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

-- Blanks a candidate's personal data: name, email, slot, adjustments, and every text written
-- about them (evidence, rationales, moderation, withdrawal and conflict reasons), recording
-- why in erasure_reason. The reference and the marks stay (results and statistics depend on
-- them). The secret goes last, so each update's event still commits its "before" as the
-- previous event committed it. No checks: the callers below check who and when.
CREATE FUNCTION pm_erase_personal_data(p_candidate bigint, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
BEGIN
    UPDATE candidates SET name = 'Erased candidate', email = NULL, slot = NULL,
        erased_at = to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        erasure_reason = p_reason,
        withdrawal_reason = CASE WHEN withdrawal_reason IS NULL THEN NULL ELSE '[erased on request]' END,
        adjustments = NULL
    WHERE id = p_candidate;
    UPDATE conflicts SET reason = '[erased on request]' WHERE candidate_id = p_candidate;
    UPDATE scores SET evidence = '[erased on request]' WHERE candidate_id = p_candidate AND evidence <> '';
    UPDATE agreed_scores SET rationale = '[erased on request]' WHERE candidate_id = p_candidate;
    UPDATE moderations SET reason = '[erased on request]' WHERE candidate_id = p_candidate AND reason <> '';
    DELETE FROM candidate_secrets WHERE candidate_id = p_candidate;
END $$;

-- Erases a candidate's personal data on a data-protection request (HR administrators, before
-- sign-off, as SQLite's Store::erase_candidate); the candidate leaves every list.
CREATE FUNCTION pm_erase_candidate(p_candidate bigint, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_state text;
BEGIN
    IF NOT pm_is_hr_admin() THEN
        RAISE EXCEPTION 'only an HR administrator may erase a candidate''s personal data; % is not one',
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_reason IS NULL OR btrim(p_reason) = '' THEN
        RAISE EXCEPTION 'an erasure needs a reason (a request number will do)'
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT p.state INTO v_state FROM candidates c JOIN campaigns p ON p.id = c.campaign_id
    WHERE c.id = p_candidate AND c.erased_at IS NULL FOR UPDATE OF c;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no candidate % to erase (or already erased)', p_candidate
            USING ERRCODE = 'no_data_found';
    END IF;
    IF v_state = 'signed_off' THEN
        RAISE EXCEPTION 'the campaign is signed off: reopen it first, or purge it when its retention ends'
            USING ERRCODE = 'check_violation';
    END IF;
    PERFORM pm_erase_personal_data(p_candidate, p_reason);
END $$;

REVOKE ALL ON FUNCTION pm_hmac_pad(bytea, integer), pm_new_secret(bigint),
    pm_commitment(bigint, text, text), pm_committed_row(text, jsonb),
    pm_personal_fields(text), pm_row_candidate(text, jsonb),
    pm_erase_personal_data(bigint, text), pm_erase_candidate(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pm_erase_candidate(bigint, text) TO panelmark_hr_admin;
