-- Stored rows of some subjects for one (subject type, role, analytic) that were computed from the inputs @inputsHash names
-- (shared intermediates such as course facts; DATA_MODEL.md §2 internal rows), younger than the retention, by primary key.
SELECT s.subject_id AS SubjectId,
       s.payload::text AS Payload
FROM analytics.analytics_snapshots s
WHERE s.subject_type = @subjectType
  AND s.subject_id = ANY (@subjectIds)
  AND s.role = @role
  AND s.analytic = @analytic
  AND s.inputs_hash = @inputsHash
  AND s.computed_at > @oldest;
