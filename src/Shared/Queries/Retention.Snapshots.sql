-- One batch of expired snapshots (ix_analytics_snapshots_computed); their snapshot_people rows cascade.
DELETE FROM analytics.analytics_snapshots s
USING (SELECT e.subject_type, e.subject_id, e.role, e.analytic
       FROM analytics.analytics_snapshots e
       WHERE e.computed_at < @cutoff
       LIMIT @batch) AS d
WHERE s.subject_type = d.subject_type AND s.subject_id = d.subject_id AND s.role = d.role AND s.analytic = d.analytic;
