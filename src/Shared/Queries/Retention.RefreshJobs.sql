-- One batch of refresh jobs finished more than 7 days ago (ix_refresh_jobs_finished).
DELETE FROM analytics.refresh_jobs
WHERE id IN (SELECT j.id FROM analytics.refresh_jobs j WHERE j.finished_at < @cutoff LIMIT @batch);
