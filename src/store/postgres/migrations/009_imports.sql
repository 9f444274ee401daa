-- Panelmark on PostgreSQL, version 9: campaigns moved in from local files (`server import`).
--
-- A superuser imports a campaign's rows as they are in the file (its scores already submitted,
-- its decisions already taken); the server's audit trigger records each row it inserts, with
-- the importing login as actor. The campaign's own history, from the file's log, is kept
-- beside it verbatim (imported_events: the events with the hashes they had in the file's
-- chain), and the import itself is a row of `imports`, audited, holding the file's anchor
-- (SEQ:HASH of its chain when it was read), so the file can be checked against it later with
-- `panelmark --db FILE verify --anchor SEQ:HASH`.

CREATE TABLE imports (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_name       TEXT NOT NULL,
    source_anchor     TEXT NOT NULL,
    local_campaign_id BIGINT NOT NULL,
    campaign_id       BIGINT NOT NULL REFERENCES campaigns(id),
    events            BIGINT NOT NULL,
    imported_at       TEXT NOT NULL
);

CREATE TABLE imported_events (
    import_id BIGINT NOT NULL REFERENCES imports(id),
    seq       BIGINT NOT NULL,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    PRIMARY KEY (import_id, seq)
);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON imports
    FOR EACH ROW EXECUTE FUNCTION pm_audit_row('id');
-- Both are records: nobody changes them, the owner included.
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON imports
    FOR EACH ROW EXECUTE FUNCTION pm_audit_append_only();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON imported_events
    FOR EACH ROW EXECUTE FUNCTION pm_audit_append_only();

-- Read by HR administrators and the campaign's moderators; written only by a superuser's
-- import (no grant, no policy for writing).
ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE imports FORCE ROW LEVEL SECURITY;
ALTER TABLE imported_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE imported_events FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON imports FOR SELECT USING (pm_is_hr_admin() OR pm_is_moderator(campaign_id));
CREATE POLICY read ON imported_events FOR SELECT USING (
    EXISTS (SELECT 1 FROM imports i WHERE i.id = import_id
            AND (pm_is_hr_admin() OR pm_is_moderator(i.campaign_id))));
GRANT SELECT ON imports, imported_events TO panelmark_hr_admin, panelmark_moderator;
