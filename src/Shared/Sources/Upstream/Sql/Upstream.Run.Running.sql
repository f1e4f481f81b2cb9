-- A sync run that is still alive (heartbeat in the last 10 minutes): a second one is JOB_ALREADY_RUNNING.
SELECT id
FROM ops.sync_runs
WHERE source = @source
  AND status = 'running'
  AND heartbeat_at > @now - interval '10 minutes'
ORDER BY started_at DESC
LIMIT 1;
