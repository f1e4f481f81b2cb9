-- The end of a retraining run: organisations retrained (done) and failed, and the first error.
UPDATE analytics.batch_runs
SET status = @status,
    total_subjects = @total,
    done_subjects = @done,
    failed_subjects = @failed,
    finished_at = @now,
    heartbeat_at = @now,
    error = @error
WHERE id = @id AND status = 'running';
