-- Exercises (schema 7). The exercises and the criteria each assesses live in the pinned
-- scorecard's JSON; scores, agreed scores and moderations of a scorecard with several
-- exercises are keyed `criterion@exercise` in their criterion_key column, so those tables keep
-- their shape and every existing campaign (one exercise) is unchanged. What the schema adds is
-- who scores which exercise: a member or chair may be limited to one exercise (its key);
-- NULL means every exercise of the scorecard, as before.
ALTER TABLE assessors ADD COLUMN exercise TEXT;
