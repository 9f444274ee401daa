-- Panelmark on PostgreSQL, version 1: the tables. They mirror the SQLite schema (store/migrations)
-- column for column, with BIGINT identity ids, plus `users` (one row per login) and
-- `assessors.login`, which links a signed-in login to its member, chair and moderator records.
-- Timestamps stay RFC 3339 text, as in SQLite, so both backends return the same bytes.
-- Runs as panelmark_owner inside schema panelmark (see init.rs).

CREATE TABLE users (
    login        TEXT PRIMARY KEY,            -- a PostgreSQL login role of the same name
    display_name TEXT NOT NULL,
    hr_admin     BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE roles (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title         TEXT NOT NULL,
    grade         TEXT,
    reference     TEXT,
    source_name   TEXT,
    source_sha256 TEXT,
    body          TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE scorecards (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    role_id    BIGINT REFERENCES roles(id),
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE scorecard_versions (
    scorecard_id BIGINT NOT NULL REFERENCES scorecards(id),
    version      BIGINT NOT NULL,
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (scorecard_id, version)
);

CREATE TABLE campaigns (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              TEXT NOT NULL,
    scorecard_id      BIGINT NOT NULL,
    scorecard_version BIGINT NOT NULL,
    scorecard         TEXT NOT NULL,
    state             TEXT NOT NULL CHECK (state IN ('setup', 'scoring', 'moderation', 'signed_off')),
    posts             BIGINT,
    created_at        TEXT NOT NULL,
    FOREIGN KEY (scorecard_id, scorecard_version) REFERENCES scorecard_versions(scorecard_id, version)
);

CREATE TABLE panels (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    name        TEXT NOT NULL,
    UNIQUE (campaign_id, name)
);

CREATE TABLE assessors (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('member', 'chair', 'moderator')),
    panel_id    BIGINT REFERENCES panels(id),
    login       TEXT REFERENCES users(login)
);
CREATE INDEX assessors_by_panel ON assessors(panel_id);
CREATE INDEX assessors_by_login ON assessors(login, campaign_id);

CREATE TABLE candidates (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    reference   TEXT NOT NULL,
    name        TEXT NOT NULL,
    email       TEXT,
    panel_id    BIGINT REFERENCES panels(id),
    slot        TEXT,
    erased_at   TEXT,
    UNIQUE (campaign_id, reference)
);

CREATE TABLE scores (
    candidate_id  BIGINT NOT NULL REFERENCES candidates(id),
    assessor_id   BIGINT NOT NULL REFERENCES assessors(id),
    criterion_key TEXT NOT NULL,
    value         INTEGER,
    not_assessed  BOOLEAN NOT NULL DEFAULT FALSE,
    evidence      TEXT NOT NULL DEFAULT '',
    indicators    TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    submitted_at  TEXT,
    has_evidence  BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (candidate_id, assessor_id, criterion_key),
    CHECK (NOT (value IS NOT NULL AND not_assessed))
);
-- The board reads submitted scores only; drafts never touch this index (as in SQLite).
CREATE INDEX scores_board ON scores
    (candidate_id, assessor_id, criterion_key, value, not_assessed, has_evidence, indicators)
    WHERE status = 'submitted';

CREATE TABLE agreed_scores (
    candidate_id  BIGINT NOT NULL REFERENCES candidates(id),
    criterion_key TEXT NOT NULL,
    value         INTEGER,
    not_assessed  BOOLEAN NOT NULL DEFAULT FALSE,
    rationale     TEXT NOT NULL,
    agreed_by     BIGINT NOT NULL REFERENCES assessors(id),
    agreed_at     TEXT NOT NULL,
    PRIMARY KEY (candidate_id, criterion_key)
);

CREATE TABLE moderations (
    candidate_id  BIGINT NOT NULL REFERENCES candidates(id),
    criterion_key TEXT NOT NULL,
    value         INTEGER,
    not_assessed  BOOLEAN NOT NULL DEFAULT FALSE,
    reason        TEXT NOT NULL,
    moderator_id  BIGINT NOT NULL REFERENCES assessors(id),
    moderated_at  TEXT NOT NULL,
    PRIMARY KEY (candidate_id, criterion_key)
);

CREATE TABLE tie_orders (
    campaign_id  BIGINT NOT NULL REFERENCES campaigns(id),
    candidate_id BIGINT NOT NULL REFERENCES candidates(id),
    rank         BIGINT NOT NULL,
    reason       TEXT NOT NULL,
    decided_by   BIGINT NOT NULL REFERENCES assessors(id),
    decided_at   TEXT NOT NULL,
    PRIMARY KEY (campaign_id, candidate_id)
);

CREATE TABLE signoffs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id  BIGINT NOT NULL REFERENCES campaigns(id),
    action       TEXT NOT NULL CHECK (action IN ('sign_off', 'reopen')),
    moderator_id BIGINT NOT NULL REFERENCES assessors(id),
    reason       TEXT,
    at           TEXT NOT NULL
);

-- The chain. Besides the eight hashed fields (the same as SQLite's), each event carries the
-- ids that decide who may read it (campaign, panel, candidate, assessor, draft), set by the
-- trigger that writes it; see 003_audit.sql.
CREATE TABLE audit_log (
    seq          BIGINT PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity       TEXT NOT NULL,
    before       TEXT,
    after        TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL,
    source_table TEXT NOT NULL,
    campaign_id  BIGINT,
    panel_id     BIGINT,
    candidate_id BIGINT,
    assessor_id  BIGINT,
    draft        BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX audit_log_by_campaign ON audit_log(campaign_id, seq);

-- The chain's head: one row, locked (SELECT ... FOR UPDATE) by every append, so appends from
-- concurrent transactions queue on it and the chain stays one total order.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
