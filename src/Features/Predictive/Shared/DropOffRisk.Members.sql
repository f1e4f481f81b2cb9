-- The members of a drop-off cohort (ANALYTICS.md §5.1 "cohort"; API.md §3.2), read after Subject.User / Subject.Organisation:
-- 1. the organisation's k (organisations.settings.minGroupSize may only raise Privacy:MinGroupSize) and whether @courseId and
--    @departmentId are inside the subject's scope (a trainer's course; a course of the organisation or a platform-wide course its
--    members take; a department of the organisation);
-- 2. trainer-cohort: every learner with an enrolment of any status in a course @id teaches; org-cohort: every learner of
--    organisation @id (optionally of one department); both optionally limited to the learners enrolled in @courseId;
-- 3. the courses the trainer teaches (the trainer cohort's scored population is limited to them).
SELECT (SELECT (o.settings ->> 'minGroupSize')::integer
        FROM lrs.organisations o
        WHERE o.id = coalesce(CASE WHEN @subjectType = 'org-cohort' THEN @id::text END,
                              (SELECT u.organisation_id FROM lrs.users u WHERE u.id = @id::text))) AS MinGroupSize,
       (@courseId::text IS NULL
        OR EXISTS (SELECT 1
                   FROM lrs.courses c
                   WHERE c.id = @courseId
                     AND ((@subjectType = 'trainer-cohort'
                           AND EXISTS (SELECT 1 FROM lrs.course_trainers ct WHERE ct.course_id = c.id AND ct.user_id = @id))
                          OR (@subjectType = 'org-cohort'
                              AND (c.organisation_id = @id
                                   OR (c.organisation_id IS NULL
                                       AND EXISTS (SELECT 1
                                                   FROM lrs.enrolments e
                                                   JOIN lrs.users m ON m.id = e.user_id
                                                   WHERE e.course_id = c.id AND m.organisation_id = @id))))))) AS CourseInScope,
       (@departmentId::text IS NULL
        OR EXISTS (SELECT 1 FROM lrs.departments d WHERE d.id = @departmentId AND d.organisation_id = @id)) AS DepartmentInScope;

SELECT u.id AS UserId, u.display_name AS DisplayName, u.predictive_opt_out AS OptedOut
FROM lrs.users u
WHERE u.id IN (SELECT e.user_id
               FROM lrs.enrolments e
               JOIN lrs.course_trainers ct ON ct.course_id = e.course_id
               WHERE @subjectType = 'trainer-cohort' AND ct.user_id = @id
                 AND (@courseId::text IS NULL OR e.course_id = @courseId))
   OR (@subjectType = 'org-cohort'
       AND u.organisation_id = @id
       AND EXISTS (SELECT 1 FROM lrs.user_roles r WHERE r.user_id = u.id AND r.role = 'learner')
       AND (@departmentId::text IS NULL OR u.department_id = @departmentId)
       AND (@courseId::text IS NULL OR EXISTS (SELECT 1 FROM lrs.enrolments e WHERE e.user_id = u.id AND e.course_id = @courseId)))
ORDER BY u.id;

SELECT ct.course_id
FROM lrs.course_trainers ct
WHERE @subjectType = 'trainer-cohort' AND ct.user_id = @id
ORDER BY ct.course_id;
