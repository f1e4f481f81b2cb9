-- Snapshots older than 7 days AND than the start of the last completed nightly run may go (DATA_MODEL.md §9). While the latest
-- finished nightly run failed, or none ever completed, nothing goes: the snapshots are then the only copy of the results.
SELECT CASE WHEN last.status = 'completed' THEN least(@sevenDaysAgo, last.started_at) END
FROM (SELECT b.status, b.started_at
      FROM analytics.batch_runs b
      WHERE b.kind = 'recalculation' AND b.trigger = 'nightly' AND b.status <> 'running'
      ORDER BY b.run_date DESC
      LIMIT 1) AS last;
