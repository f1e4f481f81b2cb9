UPDATE analytics.batch_runs
SET total_subjects = @total, heartbeat_at = @now
WHERE id = @id AND instance = @instance AND status = 'running';
