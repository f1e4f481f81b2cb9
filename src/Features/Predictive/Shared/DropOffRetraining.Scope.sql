-- What one organisation's drop-off model trains on (ANALYTICS.md §5.1): its learners, and every course they are enrolled in
-- (platform-wide courses count for the learner's organisation).
SELECT coalesce(array_agg(DISTINCT u.id), '{}') AS Learners,
       coalesce(array_agg(DISTINCT e.course_id) FILTER (WHERE e.course_id IS NOT NULL), '{}') AS Courses
FROM lrs.users u
JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
LEFT JOIN lrs.enrolments e ON e.user_id = u.id
WHERE u.organisation_id = @organisationId;
