-- One refresh job as the status resource of API.md §4.6 shows it.
SELECT id AS JobId, status AS Status, progress::integer AS Progress, stage AS Stage, trigger AS Trigger, subject_type AS SubjectType,
       subject_id AS SubjectId, role AS Role, analytics AS Analytics, requested_at AS CreatedAt, started_at AS StartedAt,
       finished_at AS CompletedAt, error AS Error, result::text AS Result
FROM analytics.refresh_jobs
WHERE id = @jobId;
