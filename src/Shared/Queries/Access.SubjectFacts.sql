-- What the access rules need to know about a subject user relative to the caller, in one round trip (API.md §3.3).
-- "Students" are other users with an enrolment of any status in a course the caller teaches.
SELECT u.organisation_id AS OrganisationId,
       (u.id <> @callerId AND EXISTS (
           SELECT 1
           FROM lrs.course_trainers ct
           JOIN lrs.enrolments e ON e.course_id = ct.course_id
           WHERE ct.user_id = @callerId AND e.user_id = u.id)) AS IsStudentOfCaller,
       EXISTS (SELECT 1 FROM lrs.user_roles r WHERE r.user_id = u.id AND r.role = 'trainer') AS IsTrainer,
       EXISTS (
           SELECT 1
           FROM lrs.course_trainers ct
           JOIN lrs.courses c ON c.id = ct.course_id
           WHERE ct.user_id = u.id AND c.organisation_id = @callerOrganisationId) AS TeachesForCallerOrganisation
FROM lrs.users u
WHERE u.id = @subjectId
