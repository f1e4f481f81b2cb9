-- The courses a trainer teaches (course_trainers), read after Subject.User in the same round trip (ANALYTICS.md §2; API.md §4.2):
-- 1. the privacy k of the trainer's organisation and whether its sources supply feedback (ANALYTICS.md §0.4, §0.5); an
--    organisation without registered sources is not judged (every kind counts as supplied);
-- 2. each course with its active enrolments at asOf (the primary course has the most);
-- 3. the course of the topic @moduleId, which must be the course being read.
-- @organisationScope is the caller's organisation when an org-admin reads: only courses that organisation owns (API.md §3.3).
SELECT (o.settings ->> 'minGroupSize')::integer AS OrganisationMinGroupSize,
       (NOT EXISTS (SELECT 1 FROM ops.organisation_sources os WHERE os.organisation_id = o.id)
        OR EXISTS (SELECT 1
                   FROM ops.organisation_sources os
                   WHERE os.organisation_id = o.id AND 'feedback' = ANY (os.provides))) AS ProvidesFeedback
FROM lrs.users u
JOIN lrs.organisations o ON o.id = u.organisation_id
WHERE u.id = @trainerId;

WITH reference AS (
    SELECT coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = @trainerId
)
SELECT c.id AS Id,
       c.title AS Title,
       (SELECT count(*)
        FROM lrs.enrolments e
        WHERE e.course_id = c.id
          AND coalesce(e.enrolled_on, c.starts_on) <= r.as_of
          AND (e.withdrawn_on IS NULL OR e.withdrawn_on > r.as_of)
          AND (e.completed_on IS NULL OR e.completed_on > r.as_of))::integer AS ActiveEnrolments
FROM lrs.course_trainers ct
JOIN lrs.courses c ON c.id = ct.course_id
CROSS JOIN reference r
WHERE ct.user_id = @trainerId
  AND (@organisationScope::text IS NULL OR c.organisation_id = @organisationScope::text)
ORDER BY c.id;

SELECT t.course_id AS CourseId
FROM lrs.topics t
WHERE t.id = @moduleId::text;
