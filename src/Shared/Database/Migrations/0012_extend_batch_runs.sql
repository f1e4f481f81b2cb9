-- The operator job object (API.md §4.9) names who asked for a run and with which filters, read on any instance and after a
-- resume on another one; recorded with the run rather than only in the scheduler's trigger data.
ALTER TABLE analytics.batch_runs
    ADD COLUMN requested_by eid NULL,
    ADD COLUMN parameters jsonb NOT NULL DEFAULT '{}';

-- Operator job lists sort by creation time; retention deletes finished refresh jobs after 7 days (§9) without a scan.
CREATE INDEX ix_batch_runs_ref_time ON analytics.batch_runs (ref_time);
CREATE INDEX ix_refresh_jobs_finished ON analytics.refresh_jobs (finished_at) WHERE finished_at IS NOT NULL;
