-- The feed items of @userIds issued in the last 90 days (ANALYTICS.md §5.3 `summary`; local issue day in [asOf − 89, asOf]) with
-- whether each was acted on (started after issue) and completed (finished successfully after issue), both up to asOf:
--   course: activity, a submission or a topic completion in it, or an enrolment / completed with pass, distinction or no result;
--   topic: activity on its items, a submission to its assessments, a practice session, or its completion / completed;
--   practice (a topic's practice): a practice session on the topic / a passed one;
--   skill: a practice session for it or a completion of a topic teaching it / acquired (`acquired_on`);
--   assessment: a submission / one scoring at least the pass threshold (or unscored);
--   plan (`pace-<n>`): any progress event / n topic completions within 7 days of issue.
-- The score maps to the item's priority with the bands of R7 (the feed stores no priority; rules rows store a score in its band).
-- Every probe is indexed by the learner (activity_days, submissions, topic_completions, practice_sessions, enrolments, user_skills).
WITH feed AS (
    SELECT f.user_id, f.item_type, f.item_id, f.score, f.generated_at, (f.generated_at AT TIME ZONE @zone)::date AS issued_on
    FROM lrs.recommendations_feed f
    WHERE f.user_id = ANY (@userIds)
      AND (f.generated_at AT TIME ZONE @zone)::date BETWEEN @asOf - 89 AND @asOf
), outcome AS (
    SELECT f.issued_on,
           f.score,
           CASE f.item_type
               WHEN 'course' THEN
                   EXISTS (SELECT 1 FROM lrs.activity_days a
                           WHERE a.user_id = f.user_id AND a.day BETWEEN f.issued_on AND @asOf AND a.course_id = f.item_id AND a.events > 0)
                   OR EXISTS (SELECT 1 FROM lrs.submissions s JOIN lrs.assessments x ON x.id = s.assessment_id
                              WHERE s.user_id = f.user_id AND s.submitted_on BETWEEN f.issued_on AND @asOf AND x.course_id = f.item_id)
                   OR EXISTS (SELECT 1 FROM lrs.topic_completions tc JOIN lrs.topics t ON t.id = tc.topic_id
                              WHERE tc.user_id = f.user_id AND tc.completed_at >= f.generated_at AND t.course_id = f.item_id
                                AND (tc.completed_at AT TIME ZONE @zone)::date <= @asOf)
                   OR EXISTS (SELECT 1 FROM lrs.enrolments e
                              WHERE e.user_id = f.user_id AND e.course_id = f.item_id AND e.enrolled_on BETWEEN f.issued_on AND @asOf)
               WHEN 'topic' THEN
                   EXISTS (SELECT 1 FROM lrs.activity_days a JOIN lrs.content_items ci ON ci.id = a.content_item_id
                           WHERE a.user_id = f.user_id AND a.day BETWEEN f.issued_on AND @asOf AND a.events > 0 AND ci.topic_id = f.item_id)
                   OR EXISTS (SELECT 1 FROM lrs.submissions s JOIN lrs.assessments x ON x.id = s.assessment_id
                              WHERE s.user_id = f.user_id AND s.submitted_on BETWEEN f.issued_on AND @asOf AND x.topic_id = f.item_id)
                   OR EXISTS (SELECT 1 FROM lrs.practice_sessions p
                              WHERE p.user_id = f.user_id AND p.started_at >= f.generated_at AND p.topic_id = f.item_id
                                AND (p.started_at AT TIME ZONE @zone)::date <= @asOf)
                   OR EXISTS (SELECT 1 FROM lrs.topic_completions tc
                              WHERE tc.user_id = f.user_id AND tc.topic_id = f.item_id AND tc.completed_at >= f.generated_at
                                AND (tc.completed_at AT TIME ZONE @zone)::date <= @asOf)
               WHEN 'practice' THEN
                   EXISTS (SELECT 1 FROM lrs.practice_sessions p
                           WHERE p.user_id = f.user_id AND p.started_at >= f.generated_at AND p.topic_id = f.item_id
                             AND (p.started_at AT TIME ZONE @zone)::date <= @asOf)
               WHEN 'skill' THEN
                   EXISTS (SELECT 1 FROM lrs.practice_sessions p
                           WHERE p.user_id = f.user_id AND p.started_at >= f.generated_at AND p.skill_id = f.item_id
                             AND (p.started_at AT TIME ZONE @zone)::date <= @asOf)
                   OR EXISTS (SELECT 1 FROM lrs.topic_completions tc JOIN lrs.topic_skills ts ON ts.topic_id = tc.topic_id
                              WHERE tc.user_id = f.user_id AND tc.completed_at >= f.generated_at AND ts.skill_id = f.item_id
                                AND (tc.completed_at AT TIME ZONE @zone)::date <= @asOf)
                   OR EXISTS (SELECT 1 FROM lrs.user_skills us
                              WHERE us.user_id = f.user_id AND us.skill_id = f.item_id AND us.acquired
                                AND us.acquired_on BETWEEN f.issued_on AND @asOf)
               WHEN 'assessment' THEN
                   EXISTS (SELECT 1 FROM lrs.submissions s
                           WHERE s.user_id = f.user_id AND s.assessment_id = f.item_id AND s.submitted_on BETWEEN f.issued_on AND @asOf)
               ELSE
                   EXISTS (SELECT 1 FROM lrs.activity_days a
                           WHERE a.user_id = f.user_id AND a.day BETWEEN f.issued_on AND @asOf AND a.events > 0)
                   OR EXISTS (SELECT 1 FROM lrs.submissions s
                              WHERE s.user_id = f.user_id AND s.submitted_on BETWEEN f.issued_on AND @asOf)
                   OR EXISTS (SELECT 1 FROM lrs.topic_completions tc
                              WHERE tc.user_id = f.user_id AND tc.completed_at >= f.generated_at
                                AND (tc.completed_at AT TIME ZONE @zone)::date <= @asOf)
                   OR EXISTS (SELECT 1 FROM lrs.practice_sessions p
                              WHERE p.user_id = f.user_id AND p.started_at >= f.generated_at
                                AND (p.started_at AT TIME ZONE @zone)::date <= @asOf)
           END AS acted,
           CASE f.item_type
               WHEN 'course' THEN
                   EXISTS (SELECT 1 FROM lrs.enrolments e
                           WHERE e.user_id = f.user_id AND e.course_id = f.item_id AND e.completed_on BETWEEN f.issued_on AND @asOf
                             AND (e.final_result IS NULL OR e.final_result IN ('pass', 'distinction')))
               WHEN 'topic' THEN
                   EXISTS (SELECT 1 FROM lrs.topic_completions tc
                           WHERE tc.user_id = f.user_id AND tc.topic_id = f.item_id AND tc.completed_at >= f.generated_at
                             AND (tc.completed_at AT TIME ZONE @zone)::date <= @asOf)
               WHEN 'practice' THEN
                   EXISTS (SELECT 1 FROM lrs.practice_sessions p
                           WHERE p.user_id = f.user_id AND p.started_at >= f.generated_at AND p.topic_id = f.item_id AND p.passed
                             AND (p.started_at AT TIME ZONE @zone)::date <= @asOf)
               WHEN 'skill' THEN
                   EXISTS (SELECT 1 FROM lrs.user_skills us
                           WHERE us.user_id = f.user_id AND us.skill_id = f.item_id AND us.acquired
                             AND us.acquired_on BETWEEN f.issued_on AND @asOf)
               WHEN 'assessment' THEN
                   EXISTS (SELECT 1 FROM lrs.submissions s JOIN lrs.assessments x ON x.id = s.assessment_id
                           WHERE s.user_id = f.user_id AND s.assessment_id = f.item_id AND s.submitted_on BETWEEN f.issued_on AND @asOf
                             AND (s.score_pct IS NULL OR s.score_pct >= x.pass_threshold_pct))
               ELSE
                   CASE WHEN f.item_id ~ '^pace-[0-9]{1,4}$'
                        THEN (SELECT count(*) FROM lrs.topic_completions tc
                              WHERE tc.user_id = f.user_id AND tc.completed_at >= f.generated_at
                                AND tc.completed_at < f.generated_at + interval '7 days'
                                AND (tc.completed_at AT TIME ZONE @zone)::date <= @asOf) >= substr(f.item_id, 6)::integer
                        ELSE false
                   END
           END AS completed
    FROM feed f
)
SELECT o.issued_on AS IssuedOn,
       o.score::double precision AS Score,
       (o.acted OR o.completed) AS Acted,
       o.completed AS Completed
FROM outcome o;
