-- Queues a refresh, or meets the live job of the subject (ux_refresh_jobs_active): a queued one takes the new analytics,
-- a running one is left as it is (DATA_MODEL.md §2). Returns the live job either way, then tells every instance.
WITH upsert AS (
    INSERT INTO analytics.refresh_jobs AS j (id, subject_type, subject_id, role, analytics, trigger, status, requested_by, requested_at)
    VALUES (@id, @subjectType, @subjectId, @role, @analytics, @trigger, 'queued', @requestedBy, @now)
    ON CONFLICT (subject_type, subject_id, role) WHERE status IN ('queued', 'running')
    DO UPDATE SET analytics = ARRAY(SELECT DISTINCT a FROM unnest(j.analytics || excluded.analytics) AS a ORDER BY a)
    WHERE j.status = 'queued'
    RETURNING j.id, j.status, j.analytics
)
SELECT id AS JobId, status AS Status, analytics AS Analytics
FROM upsert
UNION ALL
SELECT id, status, analytics
FROM analytics.refresh_jobs
WHERE subject_type = @subjectType AND subject_id = @subjectId AND role = @role AND status IN ('queued', 'running')
  AND NOT EXISTS (SELECT 1 FROM upsert);

SELECT pg_notify('analytics_refresh', concat_ws('|', j.status, j.id, j.subject_type, j.subject_id, j.role, array_to_string(j.analytics, ',')))
FROM analytics.refresh_jobs j
WHERE j.subject_type = @subjectType AND j.subject_id = @subjectId AND j.role = @role AND j.status IN ('queued', 'running');
