-- A running job's progress, stage and heartbeat (a job whose heartbeat stops for 2 minutes is re-queued).
UPDATE analytics.refresh_jobs
SET progress = greatest(progress, @progress), stage = @stage, heartbeat_at = @now
WHERE id = @jobId AND status = 'running' AND worker = @worker;
