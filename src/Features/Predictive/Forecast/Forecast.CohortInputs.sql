-- Before the cohort form (ANALYTICS.md §0.7 inputs from other analytics): the organisation's k for the subject (@minGroupSize
-- source, as PeerComparison.Settings), whether @courseId is in the cohort's scope (the trainer's courses; for an organisation a
-- course it owns or one its learners are enrolled in; API.md §3.4), and the non-opted-out members without a learner forecast
-- younger than @oldest, which the handler computes and stores first.
SELECT (o.settings ->> 'minGroupSize')::integer AS MinGroupSize
FROM lrs.organisations o
WHERE o.id = CASE WHEN @subjectType = 'org-cohort' THEN @id
                  ELSE (SELECT u.organisation_id FROM lrs.users u WHERE u.id = @id) END;

SELECT @courseId::text IS NULL
       OR (@subjectType = 'trainer-cohort'
           AND EXISTS (SELECT 1 FROM lrs.course_trainers ct WHERE ct.user_id = @id AND ct.course_id = @courseId))
       OR (@subjectType = 'org-cohort'
           AND (EXISTS (SELECT 1 FROM lrs.courses c WHERE c.id = @courseId AND c.organisation_id = @id)
                OR EXISTS (SELECT 1 FROM lrs.enrolments e JOIN lrs.users u ON u.id = e.user_id
                           WHERE e.course_id = @courseId AND u.organisation_id = @id))) AS InScope;

WITH members AS (
    SELECT DISTINCT e.user_id
    FROM lrs.course_trainers ct
    JOIN lrs.enrolments e ON e.course_id = ct.course_id
    WHERE @subjectType = 'trainer-cohort' AND ct.user_id = @id AND e.user_id <> @id
    UNION
    SELECT u.id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE @subjectType = 'org-cohort' AND u.organisation_id = @id
)
SELECT m.user_id
FROM members m
JOIN lrs.users u ON u.id = m.user_id
WHERE NOT u.predictive_opt_out
  AND NOT EXISTS (SELECT 1
                  FROM analytics.analytics_snapshots s
                  WHERE s.subject_type = 'learner' AND s.subject_id = m.user_id AND s.role = 'learner' AND s.analytic = 'forecast'
                    AND s.computed_at > @oldest)
ORDER BY m.user_id;
