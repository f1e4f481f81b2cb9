-- Operator job list (API.md §4.9, §7): the generic job objects of analytics.operator_jobs, filtered by type and status
-- (lists = OR), newest first (or oldest with sort=createdAt), ties by id; one row even for an empty page, carrying the total.
WITH filtered AS (
    SELECT job_id AS JobId, type AS Type, status AS Status, progress AS Progress, stage AS Stage, trigger AS Trigger,
           requested_by AS RequestedBy, parameters AS Parameters, total AS Total, processed AS Processed, failed AS Failed,
           created_at AS CreatedAt, started_at AS StartedAt, completed_at AS CompletedAt, error AS Error
    FROM analytics.operator_jobs
    WHERE (@types::text[] IS NULL OR type = ANY (@types))
      AND (@statuses::text[] IS NULL OR status = ANY (@statuses))
)
SELECT t.TotalCount, p.JobId, p.Type, p.Status, p.Progress, p.Stage, p.Trigger, p.RequestedBy, p.Parameters, p.Total, p.Processed,
       p.Failed, p.CreatedAt, p.StartedAt, p.CompletedAt, p.Error
FROM (SELECT count(*)::integer AS TotalCount FROM filtered) AS t
LEFT JOIN LATERAL (
    SELECT g.JobId, g.Type, g.Status, g.Progress, g.Stage, g.Trigger, g.RequestedBy, g.Parameters, g.Total, g.Processed, g.Failed,
           g.CreatedAt, g.StartedAt, g.CompletedAt, g.Error
    FROM filtered g
    ORDER BY CASE WHEN @descending THEN g.CreatedAt END DESC, CASE WHEN NOT @descending THEN g.CreatedAt END, g.JobId
    LIMIT @limit OFFSET @offset
) AS p ON true
ORDER BY CASE WHEN @descending THEN p.CreatedAt END DESC, CASE WHEN NOT @descending THEN p.CreatedAt END, p.JobId;
