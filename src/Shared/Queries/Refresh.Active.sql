-- Every queued or running job, loaded when an instance starts following the queue.
SELECT id AS JobId, status AS Status, subject_type AS SubjectType, subject_id AS SubjectId, role AS Role, analytics AS Analytics
FROM analytics.refresh_jobs
WHERE status IN ('queued', 'running');
