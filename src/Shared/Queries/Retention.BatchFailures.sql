-- One batch of failure rows of runs finished more than 7 days ago.
DELETE FROM analytics.batch_failures f
USING (SELECT x.run_id, x.subject_type, x.subject_id, x.role, x.analytic
       FROM analytics.batch_failures x
       JOIN analytics.batch_runs r ON r.id = x.run_id
       WHERE r.finished_at < @cutoff
       LIMIT @batch) AS d
WHERE f.run_id = d.run_id AND f.subject_type = d.subject_type AND f.subject_id = d.subject_id AND f.role = d.role
  AND f.analytic = d.analytic;
