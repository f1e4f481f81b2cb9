-- Content-effectiveness inputs for one learner (ANALYTICS.md §1.6), read after Subject.User in the same round trip:
-- 1. the learner's enrolments (scope = their courses) with the enrolment start;
-- 2. the content items of those courses with the topic and course titles for display;
-- 3. the learner's activity on those items per day (activity_days holds one row per user, day, course and item);
-- 4. every submission with its assessment's course and topic;
-- 5. the learner's activity days (§0.4: events > 0, a submission, a practice session or a topic completion), as local days.
SELECT e.course_id AS CourseId, e.enrolled_on AS EnrolledOn, c.starts_on AS CourseStartsOn
FROM lrs.enrolments e
JOIN lrs.courses c ON c.id = e.course_id
WHERE e.user_id = @userId;

SELECT ci.id AS Id,
       ci.course_id AS CourseId,
       ci.topic_id AS TopicId,
       ci.title AS Title,
       ci.type AS Type,
       ci.creation_method AS CreationMethod,
       ci.duration_s AS DurationSeconds,
       t.title AS TopicTitle,
       c.title AS CourseTitle
FROM lrs.enrolments e
JOIN lrs.courses c ON c.id = e.course_id
JOIN lrs.content_items ci ON ci.course_id = e.course_id
LEFT JOIN lrs.topics t ON t.id = ci.topic_id
WHERE e.user_id = @userId;

SELECT ad.content_item_id AS ContentItemId, ad.day AS Day, ad.events AS Events, ad.minutes AS Minutes
FROM lrs.activity_days ad
WHERE ad.user_id = @userId
  AND ad.content_item_id IS NOT NULL
  AND ad.course_id IN (SELECT e.course_id FROM lrs.enrolments e WHERE e.user_id = @userId);

SELECT s.assessment_id AS AssessmentId,
       a.course_id AS CourseId,
       a.topic_id AS TopicId,
       s.submitted_on AS SubmittedOn,
       s.score_pct::double precision AS ScorePct
FROM lrs.submissions s
JOIN lrs.assessments a ON a.id = s.assessment_id
WHERE s.user_id = @userId;

WITH zone AS (
    SELECT coalesce(u.time_zone, o.time_zone, 'UTC') AS name
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = @userId
)
SELECT ad.day AS Day FROM lrs.activity_days ad WHERE ad.user_id = @userId AND ad.events > 0
UNION
SELECT s.submitted_on FROM lrs.submissions s WHERE s.user_id = @userId
UNION
SELECT (ps.started_at AT TIME ZONE (SELECT name FROM zone))::date FROM lrs.practice_sessions ps WHERE ps.user_id = @userId
UNION
SELECT (tc.completed_at AT TIME ZONE (SELECT name FROM zone))::date FROM lrs.topic_completions tc WHERE tc.user_id = @userId;
