-- A decision (the panel's agreed score, a moderator's score) is a point of the scale or "not
-- assessed": exactly one of the two. The app has always refused anything else; this makes the
-- server refuse it too, so that a login writing raw SQL cannot store a decision that is
-- neither or both (the app's types cannot hold one: `Mark` in src/model/mark.rs).
ALTER TABLE agreed_scores
    ADD CONSTRAINT agreed_scores_one_mark CHECK ((value IS NULL) = not_assessed);
ALTER TABLE moderations
    ADD CONSTRAINT moderations_one_mark CHECK ((value IS NULL) = not_assessed);
