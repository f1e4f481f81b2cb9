-- A manual recalculation, queued (started_at NULL) until an instance claims it. A second running run of the kind is refused by
-- ux_batch_runs_running (23505), which the caller answers with 409 JOB_ALREADY_RUNNING.
INSERT INTO analytics.batch_runs AS b
    (id, kind, run_date, trigger, status, ref_time, heartbeat_at, instance, requested_by, parameters)
VALUES (@id, 'recalculation', @runDate, 'manual', 'running', @now, @now, @instance, @requestedBy, @parameters::jsonb)
RETURNING id AS Id, kind AS Kind, run_date AS RunDate, trigger AS Trigger, status AS Status, ref_time AS RefTime, total_subjects AS TotalSubjects,
          done_subjects AS DoneSubjects, failed_subjects AS FailedSubjects, resume_after AS ResumeAfter, started_at AS StartedAt,
          finished_at AS FinishedAt, heartbeat_at AS HeartbeatAt, instance AS Instance, error AS Error, requested_by AS RequestedBy,
          parameters::text AS Parameters;
