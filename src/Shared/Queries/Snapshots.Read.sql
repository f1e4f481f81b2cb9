-- One stored snapshot younger than the retention (7 days), by primary key (DATA_MODEL.md §12: < 1 ms).
SELECT payload::text AS Payload,
       computed_at AS ComputedAt,
       data_as_of AS DataAsOf,
       source AS Source,
       degraded AS Degraded,
       suppression::text AS Suppression
FROM analytics.analytics_snapshots
WHERE subject_type = @subjectType
  AND subject_id = @subjectId
  AND role = @role
  AND analytic = @analytic
  AND computed_at > @oldest;
