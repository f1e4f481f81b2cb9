-- Learning velocity inputs for a set of learners (ANALYTICS.md §1.1; @userIds, one element for a single learner), read after
-- Subject.Users in the same round trip; per-user rows end with UserId and each learner's local days use their own zone:
-- 1. the learners that have a learning path (no enrolment and no path = no data);
-- 2. every enrolment with s(e), E(e) inputs and the course's progress units (topics, else non-exam assessments);
-- 3. each progress unit's first local completion day (topic completion or passed practice; else first submission).
SELECT DISTINCT p.user_id AS UserId
FROM lrs.learning_paths p
WHERE p.user_id = ANY (@userIds);

SELECT e.course_id AS CourseId,
       e.enrolled_on AS EnrolledOn,
       e.completed_on AS CompletedOn,
       e.withdrawn_on AS WithdrawnOn,
       c.starts_on AS CourseStartsOn,
       c.ends_on AS CourseEndsOn,
       c.length_days AS LengthDays,
       CASE
           WHEN EXISTS (SELECT 1 FROM lrs.topics t WHERE t.course_id = c.id)
               THEN (SELECT count(*) FROM lrs.topics t WHERE t.course_id = c.id)
           ELSE (SELECT count(*) FROM lrs.assessments a WHERE a.course_id = c.id AND a.kind <> 'exam')
       END::integer AS TotalUnits,
       e.user_id AS UserId
FROM lrs.enrolments e
JOIN lrs.courses c ON c.id = e.course_id
WHERE e.user_id = ANY (@userIds)
ORDER BY e.user_id, e.course_id;

WITH learner AS NOT MATERIALIZED (
    SELECT u.id AS user_id, coalesce(u.time_zone, o.time_zone, 'UTC') AS zone
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
), topic_progress AS (
    SELECT tc.user_id, tc.topic_id, (tc.completed_at AT TIME ZONE l.zone)::date AS day
    FROM lrs.topic_completions tc
    JOIN learner l ON l.user_id = tc.user_id
    WHERE tc.user_id = ANY (@userIds)
    UNION ALL
    SELECT ps.user_id, ps.topic_id, (ps.started_at AT TIME ZONE l.zone)::date
    FROM lrs.practice_sessions ps
    JOIN learner l ON l.user_id = ps.user_id
    WHERE ps.user_id = ANY (@userIds) AND ps.passed AND ps.topic_id IS NOT NULL
), submitted AS MATERIALIZED (
    -- The learners' own submissions first, then their assessments: not every assessment checked against the topics.
    SELECT s.user_id, s.assessment_id, min(s.submitted_on) AS day
    FROM lrs.submissions s
    WHERE s.user_id = ANY (@userIds)
    GROUP BY s.user_id, s.assessment_id
)
SELECT t.course_id AS CourseId, min(p.day) AS FirstCompletedOn, p.user_id AS UserId
FROM topic_progress p
JOIN lrs.topics t ON t.id = p.topic_id
GROUP BY p.user_id, t.course_id, t.id
UNION ALL
SELECT a.course_id, min(s.day), s.user_id
FROM submitted s
JOIN lrs.assessments a ON a.id = s.assessment_id
WHERE a.kind <> 'exam'
  AND NOT EXISTS (SELECT 1 FROM lrs.topics t WHERE t.course_id = a.course_id)
GROUP BY s.user_id, a.course_id, a.id;
