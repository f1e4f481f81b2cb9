-- The drop-off histories (ANALYTICS.md §5.1; DropOffHistoryReader) of every enrolment in the courses @courseIds (training,
-- evaluation), in one round trip of plain rows that the reader groups per enrolment. DropOffHistory.Learners.sql reads the same
-- rows for some learners (scoring): each file keeps one plain predicate, so a prepared (generic) plan stays on its index. Nothing here is filtered by a cutoff: the feature builder ignores rows dated
-- on or after each cutoff, so one read serves every training week and every evaluation week.
-- 1. the enrolments, with s(e) = starts_on ?? enrolled_on (§0.1), the course length and learner_attributes' academic context;
SELECT e.id AS EnrolmentId,
       e.user_id AS UserId,
       e.course_id AS CourseId,
       c.title AS CourseTitle,
       coalesce(c.starts_on, e.enrolled_on) AS Start,
       e.enrolled_on AS EnrolledOn,
       e.withdrawn_on AS WithdrawnOn,
       e.completed_on AS CompletedOn,
       e.status AS Status,
       e.final_result AS FinalResult,
       coalesce(c.length_days, c.ends_on - c.starts_on) AS CourseLengthDays,
       la.num_of_prev_attempts::integer AS PreviousAttempts,
       la.studied_credits::integer AS StudiedCredits
FROM lrs.enrolments e
JOIN lrs.courses c ON c.id = e.course_id
LEFT JOIN lrs.learner_attributes la ON la.enrolment_id = e.id
WHERE e.course_id = ANY (@courseIds::text[])
  AND coalesce(c.starts_on, e.enrolled_on) IS NOT NULL
ORDER BY e.id;

-- 2. the learners' other enrolments (any course), for concurrent load and earlier attempts of the same course title;
SELECT o.id AS EnrolmentId,
       o.user_id AS UserId,
       o.course_id AS CourseId,
       c.title AS CourseTitle,
       coalesce(c.starts_on, o.enrolled_on) AS Start,
       o.enrolled_on AS EnrolledOn,
       o.withdrawn_on AS WithdrawnOn,
       o.completed_on AS CompletedOn,
       o.status AS Status,
       o.final_result AS FinalResult,
       coalesce(c.length_days, c.ends_on - c.starts_on) AS CourseLengthDays,
       NULL::integer AS PreviousAttempts,
       NULL::integer AS StudiedCredits
FROM lrs.enrolments o
JOIN lrs.courses c ON c.id = o.course_id
WHERE o.user_id IN (SELECT e.user_id FROM lrs.enrolments e WHERE e.course_id = ANY (@courseIds::text[]))
  AND coalesce(c.starts_on, o.enrolled_on) IS NOT NULL;

-- 3. the courses' assessments (the calendar);
SELECT a.course_id AS CourseId, a.id AS Id, a.kind AS Kind, a.due_on AS DueOn, a.weight::float8 AS Weight
FROM lrs.assessments a
WHERE a.course_id = ANY (@courseIds::text[])
ORDER BY a.course_id, a.due_on NULLS LAST, a.id;

-- 4. the learners' submissions to those assessments;
SELECT s.user_id AS UserId, a.course_id AS CourseId, s.assessment_id AS AssessmentId, s.submitted_on AS SubmittedOn,
       s.score_pct::float8 AS Score, s.is_banked AS Banked
FROM lrs.submissions s
JOIN lrs.assessments a ON a.id = s.assessment_id
WHERE a.course_id = ANY (@courseIds::text[])
ORDER BY s.user_id, a.course_id, s.submitted_on;

-- 5. the days the learners completed a progress unit (a topic, any course), on their own calendar;
SELECT tc.user_id AS UserId, (tc.completed_at AT TIME ZONE coalesce(u.time_zone, o.time_zone, 'UTC'))::date AS Day
FROM lrs.topic_completions tc
JOIN lrs.users u ON u.id = tc.user_id
JOIN lrs.organisations o ON o.id = u.organisation_id
WHERE tc.user_id IN (SELECT e.user_id FROM lrs.enrolments e WHERE e.course_id = ANY (@courseIds::text[]))
ORDER BY tc.user_id, 2;
