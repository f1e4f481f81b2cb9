-- Claims a running run by id: a queued one (never started), one this instance already owns, or one whose owner stopped beating
-- (taken over, continuing after resume_after). No row: completed, stopped, or alive elsewhere.
UPDATE analytics.batch_runs AS b
SET instance = @instance,
    heartbeat_at = @now,
    started_at = coalesce(b.started_at, @now)
WHERE b.id = @id
  AND b.status = 'running'
  AND (b.started_at IS NULL OR b.instance = @instance OR b.heartbeat_at IS NULL OR b.heartbeat_at < @staleBefore)
RETURNING id AS Id, kind AS Kind, run_date AS RunDate, trigger AS Trigger, status AS Status, ref_time AS RefTime, total_subjects AS TotalSubjects,
          done_subjects AS DoneSubjects, failed_subjects AS FailedSubjects, resume_after AS ResumeAfter, started_at AS StartedAt,
          finished_at AS FinishedAt, heartbeat_at AS HeartbeatAt, instance AS Instance, error AS Error, requested_by AS RequestedBy,
          parameters::text AS Parameters;
