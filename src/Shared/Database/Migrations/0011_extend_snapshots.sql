-- Snapshots keep what the envelope reports beside the payload (API.md §1.2): the suppression note of a withheld group
-- (`meta.suppression`), and a data_as_of that may be unknown: a store with no recorded load (no sync run yet) has no honest
-- "data as of" instant, and the envelope then says null rather than inventing one.
ALTER TABLE analytics.analytics_snapshots
    ADD COLUMN suppression jsonb NULL,
    ALTER COLUMN data_as_of DROP NOT NULL;
