-- The store facts of one learner's recommendation rules (ANALYTICS.md §5.3; @userId, @organisationId, @departmentId, @asOf, @zone).
-- Active enrolment = active at asOf by the as-of status rule (DATA_MODEL.md §0). Every read is indexed by the learner
-- (enrolments, submissions, topic_completions, practice_sessions and activity_days lead with user_id) or by a course of theirs.
-- 1. the active enrolments with the course's last progress day (R5);
SELECT c.id AS CourseId,
       c.title AS CourseTitle,
       greatest(
           (SELECT max(a.day) FROM lrs.activity_days a
            WHERE a.user_id = @userId AND a.day <= @asOf AND a.course_id = c.id AND a.events > 0),
           (SELECT max(s.submitted_on) FROM lrs.submissions s JOIN lrs.assessments x ON x.id = s.assessment_id
            WHERE s.user_id = @userId AND s.submitted_on <= @asOf AND x.course_id = c.id),
           (SELECT max((tc.completed_at AT TIME ZONE @zone)::date) FROM lrs.topic_completions tc JOIN lrs.topics t ON t.id = tc.topic_id
            WHERE tc.user_id = @userId AND t.course_id = c.id AND (tc.completed_at AT TIME ZONE @zone)::date <= @asOf),
           (SELECT max((p.started_at AT TIME ZONE @zone)::date) FROM lrs.practice_sessions p JOIN lrs.topics t ON t.id = p.topic_id
            WHERE p.user_id = @userId AND t.course_id = c.id AND (p.started_at AT TIME ZONE @zone)::date <= @asOf)) AS LastProgressOn
FROM lrs.enrolments e
JOIN lrs.courses c ON c.id = e.course_id
WHERE e.user_id = @userId
  AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
  AND (e.withdrawn_on IS NULL OR e.withdrawn_on > @asOf)
  AND (e.completed_on IS NULL OR e.completed_on > @asOf)
ORDER BY c.id;

-- 2. the learner's last progress event (§0.4: activity day, submission, practice session or topic completion) up to asOf (R5);
SELECT greatest(
           (SELECT max(a.day) FROM lrs.activity_days a WHERE a.user_id = @userId AND a.day <= @asOf AND a.events > 0),
           (SELECT max(s.submitted_on) FROM lrs.submissions s WHERE s.user_id = @userId AND s.submitted_on <= @asOf),
           (SELECT max((tc.completed_at AT TIME ZONE @zone)::date) FROM lrs.topic_completions tc
            WHERE tc.user_id = @userId AND (tc.completed_at AT TIME ZONE @zone)::date <= @asOf),
           (SELECT max((p.started_at AT TIME ZONE @zone)::date) FROM lrs.practice_sessions p
            WHERE p.user_id = @userId AND (p.started_at AT TIME ZONE @zone)::date <= @asOf)) AS LastProgressOn;

-- 3. per target skill of the learner (org-wide or their department, §1.2), the next unfinished topic teaching it in an active
--    course (by position) and a course teaching it that the learner has not completed (active enrolments first) (R1);
WITH active AS MATERIALIZED (
    SELECT e.course_id
    FROM lrs.enrolments e
    JOIN lrs.courses c ON c.id = e.course_id
    WHERE e.user_id = @userId
      AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (e.withdrawn_on IS NULL OR e.withdrawn_on > @asOf)
      AND (e.completed_on IS NULL OR e.completed_on > @asOf)
), targets AS (
    SELECT DISTINCT st.skill_id
    FROM lrs.skill_targets st
    WHERE st.organisation_id = @organisationId
      AND (st.department_id IS NULL OR st.department_id = @departmentId::text)
)
SELECT tg.skill_id AS SkillId,
       nt.id AS TopicId,
       nt.title AS TopicTitle,
       nt.course_title AS TopicCourseTitle,
       nc.id AS CourseId,
       nc.title AS CourseTitle,
       nc.seconds AS CourseSeconds
FROM targets tg
LEFT JOIN LATERAL (
    SELECT t.id, t.title, c.title AS course_title
    FROM lrs.topic_skills ts
    JOIN lrs.topics t ON t.id = ts.topic_id
    JOIN active a ON a.course_id = t.course_id
    JOIN lrs.courses c ON c.id = t.course_id
    WHERE ts.skill_id = tg.skill_id
      AND NOT EXISTS (SELECT 1 FROM lrs.topic_completions tc
                      WHERE tc.user_id = @userId AND tc.topic_id = t.id AND (tc.completed_at AT TIME ZONE @zone)::date <= @asOf)
    ORDER BY t.position, t.course_id, t.id
    LIMIT 1
) nt ON true
LEFT JOIN LATERAL (
    SELECT c.id, c.title,
           (SELECT sum(ci.duration_s) FROM lrs.content_items ci
            WHERE ci.course_id = c.id
              AND NOT EXISTS (SELECT 1 FROM lrs.activity_days ad
                              WHERE ad.user_id = @userId AND ad.day <= @asOf AND ad.content_item_id = ci.id AND ad.events > 0))::bigint AS seconds
    FROM (SELECT cs.course_id FROM lrs.course_skills cs WHERE cs.skill_id = tg.skill_id
          UNION
          SELECT t.course_id FROM lrs.topic_skills ts JOIN lrs.topics t ON t.id = ts.topic_id WHERE ts.skill_id = tg.skill_id) k
    JOIN lrs.courses c ON c.id = k.course_id
    WHERE (c.organisation_id = @organisationId OR c.organisation_id IS NULL)
      AND NOT EXISTS (SELECT 1 FROM lrs.enrolments e
                      WHERE e.user_id = @userId AND e.course_id = c.id AND e.completed_on IS NOT NULL AND e.completed_on <= @asOf)
    ORDER BY (c.id IN (SELECT a.course_id FROM active a)) DESC, c.id
    LIMIT 1
) nc ON true
ORDER BY tg.skill_id;

-- 4. non-exam assessments of the active courses due in the last 14 days or the next 7 without a submission by asOf (R2);
WITH active AS MATERIALIZED (
    SELECT e.course_id
    FROM lrs.enrolments e
    JOIN lrs.courses c ON c.id = e.course_id
    WHERE e.user_id = @userId
      AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (e.withdrawn_on IS NULL OR e.withdrawn_on > @asOf)
      AND (e.completed_on IS NULL OR e.completed_on > @asOf)
)
SELECT a.id AS AssessmentId,
       coalesce(a.title, initcap(a.kind) || ' – ' || coalesce(t.title, c.title)) AS Title,
       c.title AS CourseTitle,
       a.due_on AS DueOn
FROM active ac
JOIN lrs.assessments a ON a.course_id = ac.course_id
JOIN lrs.courses c ON c.id = a.course_id
LEFT JOIN lrs.topics t ON t.id = a.topic_id
WHERE a.kind <> 'exam'
  AND a.due_on BETWEEN @asOf - 13 AND @asOf + 7
  AND NOT EXISTS (SELECT 1 FROM lrs.submissions s WHERE s.user_id = @userId AND s.assessment_id = a.id AND s.submitted_on <= @asOf)
ORDER BY a.due_on, a.id;

-- 5. topics of the active courses with an assessment whose best score (§0.4, banked included) is under its pass threshold, the
--    weakest such assessment per topic, and whether the topic has a practice item (a quiz or interactive item) (R3);
WITH active AS MATERIALIZED (
    SELECT e.course_id
    FROM lrs.enrolments e
    JOIN lrs.courses c ON c.id = e.course_id
    WHERE e.user_id = @userId
      AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (e.withdrawn_on IS NULL OR e.withdrawn_on > @asOf)
      AND (e.completed_on IS NULL OR e.completed_on > @asOf)
), best AS (
    SELECT s.assessment_id, max(s.score_pct) AS best
    FROM lrs.submissions s
    WHERE s.user_id = @userId AND s.submitted_on <= @asOf AND s.score_pct IS NOT NULL
    GROUP BY s.assessment_id
)
SELECT DISTINCT ON (t.id)
       t.id AS TopicId,
       t.title AS TopicTitle,
       c.title AS CourseTitle,
       b.best::double precision AS BestScore,
       a.pass_threshold_pct::double precision AS PassThreshold,
       EXISTS (SELECT 1 FROM lrs.content_items ci
               WHERE ci.course_id = t.course_id AND ci.topic_id = t.id AND ci.type IN ('quiz', 'interactive')) AS HasPractice
FROM best b
JOIN lrs.assessments a ON a.id = b.assessment_id
JOIN active ac ON ac.course_id = a.course_id
JOIN lrs.topics t ON t.id = a.topic_id
JOIN lrs.courses c ON c.id = t.course_id
WHERE b.best < a.pass_threshold_pct
ORDER BY t.id, b.best - a.pass_threshold_pct, a.id;

-- 6. per content type, the topic (else course) of the active courses with the most items of that type the learner has not
--    opened (R4 names it for the types CE1/CE2 of content effectiveness flag);
WITH active AS MATERIALIZED (
    SELECT e.course_id
    FROM lrs.enrolments e
    JOIN lrs.courses c ON c.id = e.course_id
    WHERE e.user_id = @userId
      AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (e.withdrawn_on IS NULL OR e.withdrawn_on > @asOf)
      AND (e.completed_on IS NULL OR e.completed_on > @asOf)
), opened AS MATERIALIZED (
    SELECT DISTINCT a.content_item_id
    FROM lrs.activity_days a
    WHERE a.user_id = @userId AND a.day <= @asOf AND a.events > 0 AND a.content_item_id IS NOT NULL
)
SELECT DISTINCT ON (ci.type)
       ci.type AS Type,
       t.id AS TopicId,
       t.title AS TopicTitle,
       c.id AS CourseId,
       c.title AS CourseTitle,
       count(*)::integer AS Unopened
FROM active ac
JOIN lrs.content_items ci ON ci.course_id = ac.course_id
JOIN lrs.courses c ON c.id = ci.course_id
LEFT JOIN lrs.topics t ON t.id = ci.topic_id
WHERE ci.id NOT IN (SELECT o.content_item_id FROM opened o)
GROUP BY ci.type, t.id, t.title, t.position, c.id, c.title
ORDER BY ci.type, count(*) DESC, c.id, t.position NULLS LAST, t.id;

-- 7. the seconds of the unopened items of every topic and course of the active courses (timeToComplete);
WITH active AS MATERIALIZED (
    SELECT e.course_id
    FROM lrs.enrolments e
    JOIN lrs.courses c ON c.id = e.course_id
    WHERE e.user_id = @userId
      AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (e.withdrawn_on IS NULL OR e.withdrawn_on > @asOf)
      AND (e.completed_on IS NULL OR e.completed_on > @asOf)
), opened AS MATERIALIZED (
    SELECT DISTINCT a.content_item_id
    FROM lrs.activity_days a
    WHERE a.user_id = @userId AND a.day <= @asOf AND a.events > 0 AND a.content_item_id IS NOT NULL
), remaining AS (
    SELECT ci.course_id, ci.topic_id, ci.duration_s
    FROM active ac
    JOIN lrs.content_items ci ON ci.course_id = ac.course_id
    WHERE ci.id NOT IN (SELECT o.content_item_id FROM opened o)
)
SELECT 'topic' AS ItemType, r.topic_id AS ItemId, sum(r.duration_s)::bigint AS Seconds
FROM remaining r
WHERE r.topic_id IS NOT NULL
GROUP BY r.topic_id
UNION ALL
SELECT 'course', r.course_id, sum(r.duration_s)::bigint
FROM remaining r
GROUP BY r.course_id;

-- 8. the Learner AI rows of the feed (R7) with their item's title and, for a course or topic, its unopened seconds;
WITH opened AS MATERIALIZED (
    SELECT DISTINCT a.content_item_id
    FROM lrs.activity_days a
    WHERE a.user_id = @userId AND a.day <= @asOf AND a.events > 0 AND a.content_item_id IS NOT NULL
)
SELECT f.item_type AS ItemType,
       f.item_id AS ItemId,
       f.reason AS Reason,
       f.score::double precision AS Score,
       CASE f.item_type
           WHEN 'course' THEN (SELECT c.title FROM lrs.courses c WHERE c.id = f.item_id)
           WHEN 'topic' THEN (SELECT t.title FROM lrs.topics t WHERE t.id = f.item_id)
           WHEN 'practice' THEN (SELECT 'Practise ' || t.title FROM lrs.topics t WHERE t.id = f.item_id)
           WHEN 'skill' THEN (SELECT s.name FROM lrs.skills s WHERE s.id = f.item_id)
           WHEN 'assessment' THEN (SELECT coalesce(a.title, initcap(a.kind) || ' – ' || coalesce(t.title, c.title))
                                   FROM lrs.assessments a
                                   JOIN lrs.courses c ON c.id = a.course_id
                                   LEFT JOIN lrs.topics t ON t.id = a.topic_id
                                   WHERE a.id = f.item_id)
       END AS ItemTitle,
       CASE f.item_type
           WHEN 'course' THEN (SELECT sum(ci.duration_s) FROM lrs.content_items ci
                               WHERE ci.course_id = f.item_id AND ci.id NOT IN (SELECT o.content_item_id FROM opened o))
           WHEN 'topic' THEN (SELECT sum(ci.duration_s) FROM lrs.topics t JOIN lrs.content_items ci ON ci.course_id = t.course_id
                              WHERE t.id = f.item_id AND ci.topic_id = t.id AND ci.id NOT IN (SELECT o.content_item_id FROM opened o))
           WHEN 'practice' THEN (SELECT sum(ci.duration_s) FROM lrs.topics t JOIN lrs.content_items ci ON ci.course_id = t.course_id
                                 WHERE t.id = f.item_id AND ci.topic_id = t.id AND ci.id NOT IN (SELECT o.content_item_id FROM opened o))
       END::bigint AS Seconds
FROM lrs.recommendations_feed f
WHERE f.user_id = @userId
  AND f.provider = 'learner-ai'
ORDER BY f.item_type, f.item_id;

-- 9. the learner's events per ISO weekday over the last 12 weeks, and in how many of those weeks they had any (the Pattern insight).
SELECT extract(isodow FROM a.day)::integer AS Weekday, sum(a.events)::bigint AS Events
FROM lrs.activity_days a
WHERE a.user_id = @userId AND a.day BETWEEN @asOf - 83 AND @asOf
GROUP BY 1
ORDER BY 1;

SELECT count(DISTINCT (@asOf - a.day) / 7)::integer AS Weeks
FROM lrs.activity_days a
WHERE a.user_id = @userId AND a.day BETWEEN @asOf - 83 AND @asOf AND a.events > 0;
