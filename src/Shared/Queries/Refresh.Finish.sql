-- Ends a running job with its per-analytic results.
UPDATE analytics.refresh_jobs
SET status = @status,
    progress = CASE WHEN @status = 'completed' THEN 100 ELSE progress END,
    stage = 'done',
    finished_at = @now,
    heartbeat_at = @now,
    error = @error,
    result = @result::jsonb
WHERE id = @jobId AND status = 'running' AND worker = @worker;

-- Every instance forgets the job and drops its memory entries of the subject (DATA_MODEL.md §2, NOTIFY analytics_snapshot).
SELECT pg_notify('analytics_refresh', concat_ws('|', j.status, j.id, j.subject_type, j.subject_id, j.role, array_to_string(j.analytics, ','))),
       pg_notify('analytics_snapshot', concat_ws('|', j.subject_type, j.subject_id, j.role))
FROM analytics.refresh_jobs j
WHERE j.id = @jobId AND j.status IN ('completed', 'failed');
