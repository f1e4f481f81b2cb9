-- The retraining run that is running, if any (the jobId of a 409 JOB_ALREADY_RUNNING).
SELECT b.id
FROM analytics.batch_runs b
WHERE b.kind = 'retrain' AND b.status = 'running'
ORDER BY b.ref_time DESC
LIMIT 1;
