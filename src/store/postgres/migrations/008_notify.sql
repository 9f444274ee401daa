-- Panelmark on PostgreSQL, version 8: live boards. A change another desk must see (a
-- submission, an agreed or moderated score, a tie order, a sign-off, a phase, a candidate
-- added, changed or withdrawn, a declared conflict) is announced on the channel
-- `panelmark_changes` when its transaction commits. Every login that listens receives every
-- payload, whatever it may read, so a payload carries ids only: the campaign, the candidate
-- and the table. Listeners re-read what changed through their own row security. A draft
-- save is not announced (no one else may read a draft). PostgreSQL folds identical payloads
-- of one transaction into one, so a submission of eight criteria is one notification.

CREATE FUNCTION pm_notify_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = panelmark, pg_temp AS $$
DECLARE
    v_row jsonb := to_jsonb(NEW);
    v_candidate bigint := pm_row_candidate(TG_TABLE_NAME, v_row);
    v_campaign bigint;
BEGIN
    IF TG_TABLE_NAME = 'scores' AND v_row ->> 'status' <> 'submitted' THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'campaigns' THEN
        v_campaign := NEW.id;
    ELSIF v_candidate IS NOT NULL THEN
        SELECT campaign_id INTO v_campaign FROM candidates WHERE id = v_candidate;
    ELSE
        v_campaign := (v_row ->> 'campaign_id')::bigint;
    END IF;
    PERFORM pg_notify('panelmark_changes', json_build_object(
        'campaign', v_campaign, 'candidate', v_candidate, 'table', TG_TABLE_NAME)::text);
    RETURN NULL;
END $$;

DO $$
DECLARE
    v_table text;
BEGIN
    FOREACH v_table IN ARRAY ARRAY['scores', 'agreed_scores', 'moderations', 'tie_orders',
                                   'signoffs', 'campaigns', 'candidates', 'conflicts'] LOOP
        EXECUTE format('CREATE TRIGGER notify AFTER INSERT OR UPDATE ON %I
                        FOR EACH ROW EXECUTE FUNCTION pm_notify_change()', v_table);
    END LOOP;
END $$;

REVOKE ALL ON FUNCTION pm_notify_change() FROM PUBLIC;
