-- Exercise panels (schema 8). A candidate sits every exercise before their own panel
-- (candidates.panel_id) unless HR places one exercise before another panel of the campaign:
-- a row here, keyed by the exercise's key in the pinned scorecard. The panel of (candidate,
-- exercise) decides who sees and scores them (model::placement).
CREATE TABLE candidate_exercise_panels (
    candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    exercise     TEXT NOT NULL,
    panel_id     INTEGER NOT NULL REFERENCES panels(id),
    PRIMARY KEY (candidate_id, exercise)
);
CREATE INDEX candidate_exercise_panels_by_panel ON candidate_exercise_panels (panel_id);
