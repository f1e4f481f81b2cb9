-- Jobs whose worker stopped beating (an instance died) go back to the queue, and fail after the third attempt (§2);
-- every instance hears of the change.
WITH moved AS (
    UPDATE analytics.refresh_jobs
    SET status = CASE WHEN attempts >= 3 THEN 'failed' ELSE 'queued' END,
        stage = CASE WHEN attempts >= 3 THEN 'done' ELSE 'queued' END,
        finished_at = CASE WHEN attempts >= 3 THEN @now END,
        error = CASE WHEN attempts >= 3 THEN 'WORKER_LOST: the worker stopped three times' END,
        worker = NULL
    WHERE status = 'running' AND heartbeat_at < @staleBefore
    RETURNING id, status, subject_type, subject_id, role, analytics
)
SELECT id AS JobId, status AS Status, subject_type AS SubjectType, subject_id AS SubjectId, role AS Role, analytics AS Analytics,
       pg_notify('analytics_refresh', concat_ws('|', status, id, subject_type, subject_id, role, array_to_string(analytics, ',')))
           AS Notified
FROM moved;
