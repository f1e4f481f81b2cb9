-- The day's nightly run (one per day: ux_batch_runs_nightly). Created, or taken over when it is not completed and nobody is
-- alive on it (stopped, or its heartbeat older than @staleBefore: its instance died); the taker continues after resume_after.
-- No row comes back when it is completed or another instance is still beating on it. While another run of the kind is
-- running, ux_batch_runs_running refuses both paths (23505).
INSERT INTO analytics.batch_runs AS b
    (id, kind, run_date, trigger, status, ref_time, started_at, heartbeat_at, instance, parameters)
VALUES (@id, 'recalculation', @runDate, 'nightly', 'running', @now, @now, @now, @instance, '{}')
ON CONFLICT (kind, run_date) WHERE trigger = 'nightly' DO UPDATE
SET status = 'running',
    instance = excluded.instance,
    heartbeat_at = excluded.heartbeat_at,
    started_at = coalesce(b.started_at, excluded.started_at),
    finished_at = NULL,
    error = NULL
WHERE b.status <> 'completed'
  AND (b.status <> 'running' OR b.instance = excluded.instance OR b.heartbeat_at IS NULL OR b.heartbeat_at < @staleBefore)
RETURNING id AS Id, kind AS Kind, run_date AS RunDate, trigger AS Trigger, status AS Status, ref_time AS RefTime, total_subjects AS TotalSubjects,
          done_subjects AS DoneSubjects, failed_subjects AS FailedSubjects, resume_after AS ResumeAfter, started_at AS StartedAt,
          finished_at AS FinishedAt, heartbeat_at AS HeartbeatAt, instance AS Instance, error AS Error, requested_by AS RequestedBy,
          parameters::text AS Parameters;
