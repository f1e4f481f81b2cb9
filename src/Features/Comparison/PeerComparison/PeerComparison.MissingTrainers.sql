-- The trainers of @organisationId without a teaching-effectiveness snapshot younger than @oldest: the trainer-cohort form computes
-- them first (ANALYTICS.md §0.7 inputs from other analytics).
SELECT DISTINCT ct.user_id
FROM lrs.course_trainers ct
JOIN lrs.users u ON u.id = ct.user_id
WHERE u.organisation_id = @organisationId
  AND NOT EXISTS (SELECT 1
                  FROM analytics.analytics_snapshots s
                  WHERE s.subject_type = 'trainer' AND s.subject_id = ct.user_id AND s.role = 'trainer'
                    AND s.analytic = 'teaching-effectiveness' AND s.computed_at > @oldest)
ORDER BY ct.user_id;
