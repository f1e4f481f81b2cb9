-- The stored results of other analytics this subject's recommendations read (ANALYTICS.md §0.7 "inputs from other analytics"):
-- the payloads of @analytics for one subject younger than @oldest, by primary key. A missing one is computed by the handler.
SELECT s.analytic AS Analytic, s.payload::text AS Payload
FROM analytics.analytics_snapshots s
WHERE s.subject_type = @subjectType
  AND s.subject_id = @subjectId
  AND s.role = @role
  AND s.analytic = ANY (@analytics)
  AND s.computed_at > @oldest;
