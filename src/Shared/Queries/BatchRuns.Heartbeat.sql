-- No row updated: another instance took the run over, and this one stops.
UPDATE analytics.batch_runs
SET heartbeat_at = @now
WHERE id = @id AND instance = @instance AND status = 'running';
