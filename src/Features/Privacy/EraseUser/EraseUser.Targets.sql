-- What counted or named the person and is recomputed after the erasure (DATA_MODEL.md §10), read before anything is deleted:
-- their organisation (and its cohort), the trainers of every course they were enrolled in or taught (and their cohorts), and
-- every other snapshot that names them (snapshot_people, or a payload that carries their id). A null analytic = all of the type.
WITH courses AS (
    SELECT e.course_id FROM lrs.enrolments e WHERE e.user_id = @userId
    UNION
    SELECT ct.course_id FROM lrs.course_trainers ct WHERE ct.user_id = @userId
), trainers AS (
    SELECT DISTINCT ct.user_id FROM lrs.course_trainers ct JOIN courses c ON c.course_id = ct.course_id WHERE ct.user_id <> @userId
)
SELECT 'organisation' AS SubjectType, @organisationId AS SubjectId, 'org-admin' AS Role, NULL::text AS Analytic
UNION ALL
SELECT 'org-cohort', @organisationId, 'org-admin', NULL
UNION ALL
SELECT 'trainer', t.user_id, 'trainer', NULL FROM trainers t
UNION ALL
SELECT 'trainer-cohort', t.user_id, 'trainer', NULL FROM trainers t
UNION ALL
SELECT p.subject_type, p.subject_id, p.role, p.analytic
FROM analytics.snapshot_people p
WHERE p.user_id = @userId AND p.subject_id <> @userId
UNION ALL
SELECT s.subject_type, s.subject_id, s.role, s.analytic
FROM analytics.analytics_snapshots s
WHERE (s.organisation_id = @organisationId OR s.organisation_id IS NULL) AND s.subject_id <> @userId AND s.payload::text ~ @pattern
