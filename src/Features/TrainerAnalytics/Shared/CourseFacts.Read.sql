-- The stored course facts (CourseFactsPayload) of some courses, younger than the retention, by primary key.
SELECT s.subject_id AS CourseId,
       s.payload::text AS Payload,
       s.inputs_hash AS InputsHash
FROM analytics.analytics_snapshots s
WHERE s.subject_type = 'course'
  AND s.subject_id = ANY (@courseIds)
  AND s.role = 'trainer'
  AND s.analytic = 'course-facts'
  AND s.computed_at > @oldest;
