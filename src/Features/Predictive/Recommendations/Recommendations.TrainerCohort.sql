-- The store facts of a trainer cohort's recommendation rules (ANALYTICS.md §5.3 trainer rules; @trainerId, @asOf, @zone, @oldest,
-- @minGroupSize). C(T) = the trainer's courses (course_trainers); students = everyone else enrolled in them (any status, API.md §3.2).
-- Every figure over people is kept only with at least k of them, here (HAVING) and again in the calculator.
-- 1. the students;
SELECT DISTINCT e.user_id AS UserId
FROM lrs.course_trainers ct
JOIN lrs.enrolments e ON e.course_id = ct.course_id
WHERE ct.user_id = @trainerId AND e.user_id <> @trainerId
ORDER BY e.user_id;

-- 2. struggling topics (as #8): per topic with assessments, the learners' best scores; pass rate over (learner, assessment) pairs;
WITH best AS (
    SELECT s.user_id, s.assessment_id, max(s.score_pct) AS best
    FROM lrs.course_trainers ct
    JOIN lrs.assessments a ON a.course_id = ct.course_id
    JOIN lrs.submissions s ON s.assessment_id = a.id
    WHERE ct.user_id = @trainerId AND a.topic_id IS NOT NULL AND s.user_id <> @trainerId
      AND s.submitted_on <= @asOf AND s.score_pct IS NOT NULL
    GROUP BY s.user_id, s.assessment_id
)
SELECT t.id AS TopicId,
       t.title AS TopicTitle,
       c.title AS CourseTitle,
       count(DISTINCT b.user_id)::integer AS Learners,
       avg(b.best)::double precision AS AverageScore,
       (100.0 * count(*) FILTER (WHERE b.best >= a.pass_threshold_pct) / count(*))::double precision AS PassRate,
       avg(a.pass_threshold_pct)::double precision AS PassThreshold
FROM best b
JOIN lrs.assessments a ON a.id = b.assessment_id
JOIN lrs.topics t ON t.id = a.topic_id
JOIN lrs.courses c ON c.id = t.course_id
GROUP BY t.id, t.title, c.title
HAVING count(DISTINCT b.user_id) >= @minGroupSize
ORDER BY t.id;

-- 3. the active students of each course who are not opted out of predictive analytics, with the inputs of the drop-off rule of
--    §5.1 A: published engagement (#3 snapshot), the 7-day momentum (#1 snapshot; slowing = the rule's velocity decline) and
--    whether they had a progress event in the last 7 days;
WITH active AS (
    SELECT e.course_id, c.title AS course_title, e.user_id
    FROM lrs.course_trainers ct
    JOIN lrs.enrolments e ON e.course_id = ct.course_id
    JOIN lrs.courses c ON c.id = e.course_id
    JOIN lrs.users u ON u.id = e.user_id
    WHERE ct.user_id = @trainerId AND e.user_id <> @trainerId AND NOT u.predictive_opt_out
      AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (e.withdrawn_on IS NULL OR e.withdrawn_on > @asOf)
      AND (e.completed_on IS NULL OR e.completed_on > @asOf)
)
SELECT a.course_id AS CourseId,
       a.course_title AS CourseTitle,
       a.user_id AS UserId,
       (SELECT (s.payload ->> 'overallEngagement')::integer
        FROM analytics.analytics_snapshots s
        WHERE s.subject_type = 'learner' AND s.subject_id = a.user_id AND s.role = 'learner' AND s.analytic = 'engagement'
          AND s.computed_at > @oldest AND jsonb_typeof(s.payload -> 'overallEngagement') = 'number') AS Engagement,
       (SELECT s.payload #>> '{timeWindows,7d,momentum}'
        FROM analytics.analytics_snapshots s
        WHERE s.subject_type = 'learner' AND s.subject_id = a.user_id AND s.role = 'learner' AND s.analytic = 'velocity'
          AND s.computed_at > @oldest) AS Momentum,
       (EXISTS (SELECT 1 FROM lrs.activity_days d WHERE d.user_id = a.user_id AND d.day BETWEEN @asOf - 6 AND @asOf AND d.events > 0)
        OR EXISTS (SELECT 1 FROM lrs.submissions s WHERE s.user_id = a.user_id AND s.submitted_on BETWEEN @asOf - 6 AND @asOf)
        OR EXISTS (SELECT 1 FROM lrs.topic_completions tc
                   WHERE tc.user_id = a.user_id AND (tc.completed_at AT TIME ZONE @zone)::date BETWEEN @asOf - 6 AND @asOf)
        OR EXISTS (SELECT 1 FROM lrs.practice_sessions p
                   WHERE p.user_id = a.user_id AND (p.started_at AT TIME ZONE @zone)::date BETWEEN @asOf - 6 AND @asOf)) AS Progressed
FROM active a
ORDER BY a.course_id, a.user_id;

-- 4. drop-off topics (as #8 dropOffPoints): per topic reached (activity on its items or its completion) by at least k learners,
--    the withdrawn learners whose last reached topic (highest position) it was;
WITH courses AS (
    SELECT ct.course_id FROM lrs.course_trainers ct WHERE ct.user_id = @trainerId
), reached AS (
    SELECT DISTINCT x.user_id, t.id AS topic_id, t.course_id, t.position
    FROM (SELECT a.user_id, ci.topic_id
          FROM courses k
          JOIN lrs.activity_days a ON a.course_id = k.course_id
          JOIN lrs.content_items ci ON ci.id = a.content_item_id
          WHERE a.day <= @asOf AND a.events > 0 AND ci.topic_id IS NOT NULL
          UNION
          SELECT tc.user_id, tc.topic_id
          FROM courses k
          JOIN lrs.topics t ON t.course_id = k.course_id
          JOIN lrs.topic_completions tc ON tc.topic_id = t.id
          WHERE (tc.completed_at AT TIME ZONE @zone)::date <= @asOf) x
    JOIN lrs.topics t ON t.id = x.topic_id
    WHERE x.user_id <> @trainerId
), last_reached AS (
    SELECT DISTINCT ON (r.course_id, r.user_id) r.course_id, r.user_id, r.topic_id
    FROM reached r
    ORDER BY r.course_id, r.user_id, r.position DESC, r.topic_id DESC
), dropped AS (
    SELECT l.topic_id, count(*) AS dropped
    FROM last_reached l
    JOIN lrs.enrolments e ON e.user_id = l.user_id AND e.course_id = l.course_id
    WHERE e.withdrawn_on IS NOT NULL AND e.withdrawn_on <= @asOf
    GROUP BY l.topic_id
)
SELECT t.id AS TopicId,
       t.title AS TopicTitle,
       c.title AS CourseTitle,
       count(DISTINCT r.user_id)::integer AS Reached,
       coalesce(max(d.dropped), 0)::integer AS Dropped
FROM reached r
JOIN lrs.topics t ON t.id = r.topic_id
JOIN lrs.courses c ON c.id = t.course_id
LEFT JOIN dropped d ON d.topic_id = t.id
GROUP BY t.id, t.title, c.title
HAVING count(DISTINCT r.user_id) >= @minGroupSize
ORDER BY t.id;

-- 5. the courses' ratings (feedback up to asOf) when at least k people rated;
SELECT c.id AS CourseId,
       c.title AS CourseTitle,
       count(DISTINCT f.user_id)::integer AS Raters,
       avg(f.rating)::double precision AS AverageRating
FROM lrs.course_trainers ct
JOIN lrs.courses c ON c.id = ct.course_id
JOIN lrs.feedback f ON f.course_id = c.id
WHERE ct.user_id = @trainerId AND (f.submitted_at AT TIME ZONE @zone)::date <= @asOf
GROUP BY c.id, c.title
HAVING count(DISTINCT f.user_id) >= @minGroupSize
ORDER BY c.id;

-- 6. the cohort's events per ISO weekday in the trainer's courses over the last 12 weeks (the Pattern insight), with the number of
--    weeks that had any and of learners behind them (k applies).
SELECT extract(isodow FROM a.day)::integer AS Weekday, sum(a.events)::bigint AS Events
FROM lrs.course_trainers ct
JOIN lrs.activity_days a ON a.course_id = ct.course_id
WHERE ct.user_id = @trainerId AND a.day BETWEEN @asOf - 83 AND @asOf AND a.user_id <> @trainerId
GROUP BY 1
ORDER BY 1;

SELECT count(DISTINCT (@asOf - a.day) / 7)::integer AS Weeks, count(DISTINCT a.user_id)::integer AS Learners
FROM lrs.course_trainers ct
JOIN lrs.activity_days a ON a.course_id = ct.course_id
WHERE ct.user_id = @trainerId AND a.day BETWEEN @asOf - 83 AND @asOf AND a.user_id <> @trainerId AND a.events > 0;
