-- What a predictive opt-out changes (API.md §3.5): the person's own predictions, and the at-risk lists and cohort figures of
-- their organisation and of the trainers of their courses. A null analytic = every analytic of the subject type.
SELECT 'learner' AS SubjectType, @userId AS SubjectId, 'learner' AS Role, a.analytic AS Analytic
FROM unnest(ARRAY['drop-off-risk', 'forecast', 'recommendations']) AS a (analytic)
UNION ALL
SELECT 'org-cohort', @organisationId, 'org-admin', NULL
UNION ALL
SELECT DISTINCT 'trainer-cohort', ct.user_id, 'trainer', NULL::text
FROM lrs.enrolments e
JOIN lrs.course_trainers ct ON ct.course_id = e.course_id
WHERE e.user_id = @userId AND ct.user_id <> @userId
UNION ALL
SELECT DISTINCT 'trainer', ct.user_id, 'trainer', NULL::text
FROM lrs.enrolments e
JOIN lrs.course_trainers ct ON ct.course_id = e.course_id
WHERE e.user_id = @userId AND ct.user_id <> @userId
