-- The latest recalculation run (API.md §4.10 `recalculation`) and the snapshots that still carry its id. batch_runs keeps
-- 90 days of a few runs a day, so the sort is cheap.
SELECT r.started_at AS StartedAt,
       r.status AS Status,
       r.finished_at AS FinishedAt,
       r.done_subjects AS DoneSubjects,
       (SELECT count(*) FROM analytics.analytics_snapshots s WHERE s.job_id = r.id) AS Rows
FROM analytics.batch_runs r
WHERE r.kind = 'recalculation'
ORDER BY r.started_at DESC NULLS LAST, r.id DESC
LIMIT 1;
