-- Learning velocity inputs for one learner (ANALYTICS.md §1.1), read after Subject.User in the same round trip:
-- 1. whether the learner has a learning path (no enrolment and no path = no data);
-- 2. every enrolment with s(e), E(e) inputs and the course's progress units (topics, else non-exam assessments);
-- 3. each progress unit's first local completion day (topic completion or passed practice; else first submission).
SELECT EXISTS (SELECT 1 FROM lrs.learning_paths p WHERE p.user_id = @userId) AS HasLearningPath;

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
       END::integer AS TotalUnits
FROM lrs.enrolments e
JOIN lrs.courses c ON c.id = e.course_id
WHERE e.user_id = @userId;

WITH zone AS (
    SELECT coalesce(u.time_zone, o.time_zone, 'UTC') AS name
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = @userId
), topic_progress AS (
    SELECT tc.topic_id, (tc.completed_at AT TIME ZONE (SELECT name FROM zone))::date AS day
    FROM lrs.topic_completions tc
    WHERE tc.user_id = @userId
    UNION ALL
    SELECT ps.topic_id, (ps.started_at AT TIME ZONE (SELECT name FROM zone))::date
    FROM lrs.practice_sessions ps
    WHERE ps.user_id = @userId AND ps.passed AND ps.topic_id IS NOT NULL
)
SELECT t.course_id AS CourseId, min(p.day) AS FirstCompletedOn
FROM topic_progress p
JOIN lrs.topics t ON t.id = p.topic_id
GROUP BY t.course_id, t.id
UNION ALL
SELECT a.course_id, min(s.submitted_on)
FROM lrs.submissions s
JOIN lrs.assessments a ON a.id = s.assessment_id
WHERE s.user_id = @userId
  AND a.kind <> 'exam'
  AND NOT EXISTS (SELECT 1 FROM lrs.topics t WHERE t.course_id = a.course_id)
GROUP BY a.course_id, a.id;
