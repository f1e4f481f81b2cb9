-- Per topic of each course at asOf: how many learners reached it, how many withdrawn learners left the course there, its
-- engagement and content length against the course, and its assessment results (ANALYTICS.md §2.2 dropOffAnalysis and
-- contentPerformance). A topic is reached by any activity in it: events on its content items, a submission to one of its
-- assessments, a completion or a practice session. Timestamps are local to the trainer (@zone).
WITH roster AS (
    SELECT c.id AS course_id, e.user_id, (e.withdrawn_on <= @asOf AND (e.completed_on IS NULL OR e.completed_on > @asOf)) AS withdrawn
    FROM lrs.courses c
    JOIN lrs.enrolments e ON e.course_id = c.id
    WHERE c.id = ANY (@courseIds)
      AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (c.ends_on IS NOT NULL OR c.length_days IS NOT NULL OR e.enrolled_on > @asOf - @openEndedWindowDays)
), touches AS (
    SELECT r.course_id, ci.topic_id, r.user_id, a.day, a.events::float8 AS events
    FROM roster r
    JOIN lrs.activity_days a ON a.user_id = r.user_id AND a.day <= @asOf AND a.course_id = r.course_id AND a.events > 0
    JOIN lrs.content_items ci ON ci.id = a.content_item_id
    WHERE ci.topic_id IS NOT NULL
    UNION ALL
    SELECT r.course_id, a.topic_id, r.user_id, s.submitted_on, 0
    FROM roster r
    JOIN lrs.assessments a ON a.course_id = r.course_id AND a.topic_id IS NOT NULL
    JOIN lrs.submissions s ON s.assessment_id = a.id AND s.user_id = r.user_id AND s.submitted_on <= @asOf
    UNION ALL
    SELECT r.course_id, tc.topic_id, r.user_id, (tc.completed_at AT TIME ZONE @zone)::date, 0
    FROM roster r
    JOIN lrs.topic_completions tc ON tc.user_id = r.user_id
    JOIN lrs.topics t ON t.id = tc.topic_id AND t.course_id = r.course_id
    WHERE (tc.completed_at AT TIME ZONE @zone)::date <= @asOf
    UNION ALL
    SELECT r.course_id, ps.topic_id, r.user_id, (ps.started_at AT TIME ZONE @zone)::date, 0
    FROM roster r
    JOIN lrs.practice_sessions ps ON ps.user_id = r.user_id
    JOIN lrs.topics t ON t.id = ps.topic_id AND t.course_id = r.course_id
    WHERE (ps.started_at AT TIME ZONE @zone)::date <= @asOf
), reach AS (
    SELECT tu.course_id, tu.topic_id, tu.user_id, max(tu.day) AS last_day, sum(tu.events) AS events
    FROM touches tu
    GROUP BY tu.course_id, tu.topic_id, tu.user_id
), last_topic AS (
    -- The topic a withdrawn learner was last active in (latest day, then the later topic in the course).
    SELECT DISTINCT ON (re.course_id, re.user_id) re.course_id, re.user_id, re.topic_id
    FROM reach re
    JOIN (SELECT r.course_id, r.user_id FROM roster r WHERE r.withdrawn) r ON r.course_id = re.course_id AND r.user_id = re.user_id
    JOIN lrs.topics t ON t.id = re.topic_id
    ORDER BY re.course_id, re.user_id, re.last_day DESC, t.position DESC, t.id DESC
), drops AS (
    -- Counted once here: as a correlated subquery per topic the planner re-ran last_topic for every topic.
    SELECT lt.course_id, lt.topic_id, count(*)::integer AS dropped
    FROM last_topic lt
    GROUP BY lt.course_id, lt.topic_id
), reach_facts AS (
    SELECT re.course_id, re.topic_id,
           count(*)::integer AS reached,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY re.events))::float8 AS median_events
    FROM reach re
    GROUP BY re.course_id, re.topic_id
), best AS (
    SELECT r.course_id, a.topic_id, r.user_id, a.id AS assessment_id,
           max(s.score_pct)::float8 AS best, count(*)::float8 AS attempts, a.pass_threshold_pct::float8 AS threshold
    FROM roster r
    JOIN lrs.assessments a ON a.course_id = r.course_id AND a.topic_id IS NOT NULL
    JOIN lrs.submissions s ON s.assessment_id = a.id AND s.user_id = r.user_id
    WHERE s.score_pct IS NOT NULL AND s.submitted_on <= @asOf
    GROUP BY r.course_id, a.topic_id, r.user_id, a.id
), score_facts AS (
    SELECT b.course_id, b.topic_id,
           count(DISTINCT b.user_id)::integer AS submitters,
           avg(b.best) AS average_score,
           100.0 * count(*) FILTER (WHERE b.best >= b.threshold) / count(*) AS pass_rate,
           avg(b.attempts) AS average_attempts,
           avg(b.threshold) AS threshold
    FROM best b
    GROUP BY b.course_id, b.topic_id
), durations AS (
    SELECT ci.course_id, ci.topic_id, ci.duration_s
    FROM lrs.content_items ci
    WHERE ci.course_id = ANY (@courseIds) AND ci.duration_s IS NOT NULL
)
SELECT t.course_id AS CourseId,
       t.id AS TopicId,
       t.title AS Title,
       t.position AS Position,
       coalesce(rf.reached, 0) AS Reached,
       coalesce(dr.dropped, 0) AS Dropped,
       rf.median_events AS MedianEvents,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d.duration_s)
        FROM durations d WHERE d.course_id = t.course_id AND d.topic_id = t.id)::float8 AS MedianItemSeconds,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d.duration_s)
        FROM durations d WHERE d.course_id = t.course_id)::float8 AS CourseMedianItemSeconds,
       coalesce(sf.submitters, 0) AS Submitters,
       sf.average_score::float8 AS AverageScore,
       sf.pass_rate::float8 AS PassRate,
       sf.average_attempts::float8 AS AverageAttempts,
       sf.threshold::float8 AS PassThreshold
FROM lrs.topics t
LEFT JOIN reach_facts rf ON rf.course_id = t.course_id AND rf.topic_id = t.id
LEFT JOIN score_facts sf ON sf.course_id = t.course_id AND sf.topic_id = t.id
LEFT JOIN drops dr ON dr.course_id = t.course_id AND dr.topic_id = t.id
WHERE t.course_id = ANY (@courseIds)
ORDER BY t.course_id, t.position, t.id;
