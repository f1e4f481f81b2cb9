-- Store-side figures of API.md §4.10, read by the metrics sampler and by /api/status: the oldest snapshot and the jobs by
-- type and status. Failed counts cover @since (24 hours back); an abandoned run is a failed one (API.md §4.9). The queued
-- and running counts use the partial indexes of refresh_jobs; the oldest snapshot ix_analytics_snapshots_computed.
SELECT
  (SELECT min(computed_at) FROM analytics.analytics_snapshots) AS OldestSnapshotAt,
  (SELECT count(*) FROM analytics.refresh_jobs WHERE status = 'queued')::integer AS RefreshQueued,
  (SELECT count(*) FROM analytics.refresh_jobs WHERE status = 'running')::integer AS RefreshRunning,
  (SELECT count(*) FROM analytics.refresh_jobs WHERE status = 'failed' AND finished_at >= @since)::integer AS RefreshFailed,
  (SELECT count(*) FROM analytics.batch_runs WHERE kind = 'recalculation' AND status = 'running')::integer AS RecalculationRunning,
  (SELECT count(*) FROM analytics.batch_runs
   WHERE kind = 'recalculation' AND status IN ('failed', 'abandoned')
     AND coalesce(finished_at, heartbeat_at, started_at) >= @since)::integer AS RecalculationFailed;
