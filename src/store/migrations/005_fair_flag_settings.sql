-- The flag thresholds a campaign's moderators chose, so the board, the command line and the
-- exports (PDF summary, results.csv) all flag with the same numbers. NULL means the core's
-- default (FlagSettings::DEFAULT), which then stays defined in one place.
ALTER TABLE campaigns ADD COLUMN flag_spread INTEGER CHECK (flag_spread >= 1);
ALTER TABLE campaigns ADD COLUMN flag_panel_mean REAL CHECK (flag_panel_mean >= 0);
