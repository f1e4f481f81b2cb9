-- The learners of an organisation (optionally of one department) without a snapshot of @analytic younger than @oldest: the
-- ones an organisation analytic that reads learner results must compute first (ANALYTICS.md §0.7 "inputs from other analytics").
SELECT u.id
FROM lrs.users u
JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
WHERE u.organisation_id = @organisationId
  AND (@departmentId::text IS NULL OR u.department_id = @departmentId)
  AND NOT EXISTS (SELECT 1
                  FROM analytics.analytics_snapshots s
                  WHERE s.subject_type = 'learner' AND s.subject_id = u.id AND s.role = 'learner' AND s.analytic = @analytic
                    AND s.computed_at > @oldest)
ORDER BY u.id;
