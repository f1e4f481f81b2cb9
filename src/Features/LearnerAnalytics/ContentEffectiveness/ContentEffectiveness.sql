-- Content-effectiveness inputs for a set of learners (ANALYTICS.md §1.6; @userIds, one element for a single learner), read
-- after Subject.Users in the same round trip; per-learner rows end with UserId and local days use each learner's own zone:
-- 1. the learners' enrolments (scope = their courses) with the enrolment start;
-- 2. the content items of the courses of those enrolments (each course once, whoever is enrolled: a learner's items are those
--    of their own enrolments) with the topic and course titles for display;
-- 3. each learner's activity on the items of their courses per day (activity_days holds one row per user, day, course and item);
-- 4. every submission with its assessment's course and topic;
-- 5. each learner's activity days (§0.4: events > 0, a submission, a practice session or a topic completion), as local days.
SELECT e.course_id AS CourseId, e.enrolled_on AS EnrolledOn, c.starts_on AS CourseStartsOn, e.user_id AS UserId
FROM lrs.enrolments e
JOIN lrs.courses c ON c.id = e.course_id
WHERE e.user_id = ANY (@userIds)
ORDER BY e.user_id, e.course_id;

SELECT ci.id AS Id,
       ci.course_id AS CourseId,
       ci.topic_id AS TopicId,
       ci.title AS Title,
       ci.type AS Type,
       ci.creation_method AS CreationMethod,
       ci.duration_s AS DurationSeconds,
       t.title AS TopicTitle,
       c.title AS CourseTitle
FROM lrs.courses c
JOIN lrs.content_items ci ON ci.course_id = c.id
LEFT JOIN lrs.topics t ON t.id = ci.topic_id
WHERE c.id IN (SELECT e.course_id FROM lrs.enrolments e WHERE e.user_id = ANY (@userIds))
ORDER BY ci.course_id, ci.id;

SELECT ad.content_item_id AS ContentItemId, ad.day AS Day, ad.events AS Events, ad.minutes AS Minutes, ad.user_id AS UserId
FROM lrs.activity_days ad
WHERE ad.user_id = ANY (@userIds)
  AND ad.content_item_id IS NOT NULL
  AND (ad.user_id, ad.course_id) IN (SELECT e.user_id, e.course_id FROM lrs.enrolments e WHERE e.user_id = ANY (@userIds))
ORDER BY ad.user_id, ad.day, ad.content_item_id;

SELECT s.assessment_id AS AssessmentId,
       a.course_id AS CourseId,
       a.topic_id AS TopicId,
       s.submitted_on AS SubmittedOn,
       s.score_pct::double precision AS ScorePct,
       s.user_id AS UserId
FROM lrs.submissions s
JOIN lrs.assessments a ON a.id = s.assessment_id
WHERE s.user_id = ANY (@userIds)
ORDER BY s.user_id, s.submitted_on, s.assessment_id, s.attempt;

WITH learner AS (
    SELECT u.id AS user_id, coalesce(u.time_zone, o.time_zone, 'UTC') AS zone
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
)
SELECT d.day AS Day, d.user_id AS UserId
FROM (SELECT ad.user_id, ad.day FROM lrs.activity_days ad WHERE ad.user_id = ANY (@userIds) AND ad.events > 0
      UNION
      SELECT s.user_id, s.submitted_on FROM lrs.submissions s WHERE s.user_id = ANY (@userIds)
      UNION
      SELECT ps.user_id, (ps.started_at AT TIME ZONE l.zone)::date
      FROM lrs.practice_sessions ps
      JOIN learner l ON l.user_id = ps.user_id
      WHERE ps.user_id = ANY (@userIds)
      UNION
      SELECT tc.user_id, (tc.completed_at AT TIME ZONE l.zone)::date
      FROM lrs.topic_completions tc
      JOIN learner l ON l.user_id = tc.user_id
      WHERE tc.user_id = ANY (@userIds)) d
ORDER BY d.user_id, d.day;
