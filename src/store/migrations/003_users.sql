-- Identity: the people who use this file, and which person each assessor record is.
-- A user's login is their identity (in a shared PostgreSQL database it is the database
-- login); an assessor record links that login to a role (member, chair, moderator) in one
-- campaign. Existing rows are filled in by the migration's hook (see connection.rs).
CREATE TABLE users (
    id         INTEGER PRIMARY KEY,
    login      TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    hr_admin   INTEGER NOT NULL DEFAULT 0 CHECK (hr_admin IN (0, 1)),
    created_at TEXT NOT NULL
);

ALTER TABLE assessors ADD COLUMN login TEXT REFERENCES users(login);
CREATE INDEX assessors_by_login ON assessors(login, campaign_id);
