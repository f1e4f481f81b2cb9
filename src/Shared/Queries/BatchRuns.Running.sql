-- The running recalculation, if any (at most one: ux_batch_runs_running).
SELECT id AS Id, kind AS Kind, run_date AS RunDate, trigger AS Trigger, status AS Status, ref_time AS RefTime, total_subjects AS TotalSubjects,
          done_subjects AS DoneSubjects, failed_subjects AS FailedSubjects, resume_after AS ResumeAfter, started_at AS StartedAt,
          finished_at AS FinishedAt, heartbeat_at AS HeartbeatAt, instance AS Instance, error AS Error, requested_by AS RequestedBy,
          parameters::text AS Parameters
FROM analytics.batch_runs
WHERE kind = 'recalculation' AND status = 'running';
