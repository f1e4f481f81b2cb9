-- The learners of @userIds without an engagement snapshot younger than @oldest (ANALYTICS.md §0.7), or, when @asOf is given,
-- whose snapshot was computed for another asOf (a single learner's read re-scores past cutoffs from its engagementHistory).
SELECT u.id
FROM unnest(@userIds::text[]) AS u(id)
WHERE NOT EXISTS (SELECT 1
                  FROM analytics.analytics_snapshots s
                  WHERE s.subject_type = 'learner' AND s.subject_id = u.id AND s.role = 'learner' AND s.analytic = 'engagement'
                    AND s.computed_at > @oldest
                    AND (@asOf::date IS NULL OR s.payload ->> 'asOf' = to_char(@asOf::date, 'YYYY-MM-DD')))
ORDER BY u.id;
