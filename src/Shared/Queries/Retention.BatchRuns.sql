-- One batch of runs older than 90 days (their failures cascade); a running run is never deleted.
DELETE FROM analytics.batch_runs
WHERE id IN (SELECT b.id
             FROM analytics.batch_runs b
             WHERE b.status <> 'running' AND coalesce(b.finished_at, b.ref_time) < @cutoff
             LIMIT @batch);
