-- Claims the oldest queued job (ix_refresh_jobs_queue + SKIP LOCKED: workers on every instance never take the same job).
UPDATE analytics.refresh_jobs j
SET status = 'running',
    stage = 'computing',
    progress = greatest(j.progress, 5),
    started_at = coalesce(j.started_at, @now),
    heartbeat_at = @now,
    worker = @worker,
    attempts = j.attempts + 1
WHERE j.id = (SELECT q.id
              FROM analytics.refresh_jobs q
              WHERE q.status = 'queued'
              ORDER BY q.requested_at
              FOR UPDATE SKIP LOCKED
              LIMIT 1)
RETURNING j.id AS JobId, j.subject_type AS SubjectType, j.subject_id AS SubjectId, j.role AS Role, j.analytics AS Analytics,
          j.trigger AS Trigger;
