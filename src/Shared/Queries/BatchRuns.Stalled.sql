-- A running recalculation nobody beats on any more: its instance died or stopped between chunks.
SELECT id
FROM analytics.batch_runs
WHERE kind = 'recalculation' AND status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < @staleBefore);
