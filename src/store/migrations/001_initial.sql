-- Panelmark schema, version 1.
-- Roles and scorecard versions keep their full JSON body so that a campaign can pin the exact
-- scorecard it started with; everything that is queried or joined on has its own column.

CREATE TABLE roles (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    grade         TEXT,
    reference     TEXT,
    source_name   TEXT,
    source_sha256 TEXT,
    body          TEXT NOT NULL,          -- the role as canonical role-file JSON
    created_at    TEXT NOT NULL
);

CREATE TABLE scorecards (
    id         INTEGER PRIMARY KEY,
    role_id    INTEGER REFERENCES roles(id),
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE scorecard_versions (
    scorecard_id INTEGER NOT NULL REFERENCES scorecards(id),
    version      INTEGER NOT NULL,
    body         TEXT NOT NULL,           -- the Scorecard as JSON
    created_at   TEXT NOT NULL,
    PRIMARY KEY (scorecard_id, version)
);

CREATE TABLE campaigns (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    scorecard_id      INTEGER NOT NULL,
    scorecard_version INTEGER NOT NULL,
    scorecard         TEXT NOT NULL,      -- exact copy of the pinned version's body
    state             TEXT NOT NULL CHECK (state IN ('setup', 'scoring', 'moderation', 'signed_off')),
    posts             INTEGER,            -- vacancies to fill; passes beyond them form the reserve list
    created_at        TEXT NOT NULL,
    FOREIGN KEY (scorecard_id, scorecard_version) REFERENCES scorecard_versions(scorecard_id, version)
);

CREATE TABLE panels (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    name        TEXT NOT NULL,
    UNIQUE (campaign_id, name)
);

CREATE TABLE assessors (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('member', 'chair', 'moderator')),
    panel_id    INTEGER REFERENCES panels(id)
);
CREATE INDEX assessors_by_panel ON assessors(panel_id);

CREATE TABLE candidates (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    reference   TEXT NOT NULL,
    name        TEXT NOT NULL,
    email       TEXT,
    panel_id    INTEGER REFERENCES panels(id),
    slot        TEXT,
    erased_at   TEXT,                      -- set by an explicit, audited erasure
    UNIQUE (campaign_id, reference)
);

CREATE TABLE scores (
    candidate_id  INTEGER NOT NULL REFERENCES candidates(id),
    assessor_id   INTEGER NOT NULL REFERENCES assessors(id),
    criterion_key TEXT NOT NULL,
    value         INTEGER,
    not_assessed  INTEGER NOT NULL DEFAULT 0 CHECK (not_assessed IN (0, 1)),
    evidence      TEXT NOT NULL DEFAULT '',
    indicators    TEXT NOT NULL DEFAULT '',     -- one character per indicator: s shown, - not shown, x negative
    status        TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    submitted_at  TEXT,
    PRIMARY KEY (candidate_id, assessor_id, criterion_key),
    CHECK (NOT (value IS NOT NULL AND not_assessed = 1))
) WITHOUT ROWID;

CREATE TABLE agreed_scores (
    candidate_id  INTEGER NOT NULL REFERENCES candidates(id),
    criterion_key TEXT NOT NULL,
    value         INTEGER,
    not_assessed  INTEGER NOT NULL DEFAULT 0 CHECK (not_assessed IN (0, 1)),
    rationale     TEXT NOT NULL,
    agreed_by     INTEGER NOT NULL REFERENCES assessors(id),
    agreed_at     TEXT NOT NULL,
    PRIMARY KEY (candidate_id, criterion_key)
) WITHOUT ROWID;

CREATE TABLE moderations (
    candidate_id  INTEGER NOT NULL REFERENCES candidates(id),
    criterion_key TEXT NOT NULL,
    value         INTEGER,
    not_assessed  INTEGER NOT NULL DEFAULT 0 CHECK (not_assessed IN (0, 1)),
    reason        TEXT NOT NULL,
    moderator_id  INTEGER NOT NULL REFERENCES assessors(id),
    moderated_at  TEXT NOT NULL,
    PRIMARY KEY (candidate_id, criterion_key)
) WITHOUT ROWID;

-- Explicit ordering of candidates whose totals are equal; each carries the written reason.
CREATE TABLE tie_orders (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
    candidate_id INTEGER NOT NULL REFERENCES candidates(id),
    rank         INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    decided_by   INTEGER NOT NULL REFERENCES assessors(id),
    decided_at   TEXT NOT NULL,
    PRIMARY KEY (campaign_id, candidate_id)
);

-- Sign-offs and reopenings, newest last.
CREATE TABLE signoffs (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
    action       TEXT NOT NULL CHECK (action IN ('sign_off', 'reopen')),
    moderator_id INTEGER NOT NULL REFERENCES assessors(id),
    reason       TEXT,
    at           TEXT NOT NULL
);

CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);

-- The log is append-only for the application; `verify` catches anyone who goes around this.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
