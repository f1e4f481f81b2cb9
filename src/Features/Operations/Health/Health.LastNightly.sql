-- The latest nightly recalculation (ux_batch_runs_nightly): when it started and how it stands.
SELECT started_at AS StartedAt, status AS Status
FROM analytics.batch_runs
WHERE kind = 'recalculation' AND trigger = 'nightly'
ORDER BY run_date DESC
LIMIT 1;
