-- Forecast inputs of one learner (ANALYTICS.md §5.2, rule-forecast@1), read after Subject.User in the same round trip
-- (@userId, @now). Every read is by the learner's own indexes; only rows dated up to asOf (the reference date − 1) count.
-- 1. learner facts: opt-out, the last progress event (§0.4), attempts and retries (failRate), study time of the last 4 weeks
--    (session seconds, else activity minutes; null when the source sends none);
-- 2. every enrolment with s(e), E(e) inputs, its progress units, the last activity on the course and the pass threshold;
-- 3. each progress unit's first completion day (topic completion or passed practice; else first submission of a non-exam assessment);
-- 4. the score series per course: non-banked scored attempts in time order;
-- 5. the best score and weight of each scored assessment (the running course score).
WITH learner AS MATERIALIZED (
    SELECT u.id AS user_id, u.predictive_opt_out,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS zone,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = @userId
)
SELECT l.predictive_opt_out AS PredictiveOptOut,
       greatest(
           (SELECT max(a.day) FROM lrs.activity_days a WHERE a.user_id = l.user_id AND a.day <= l.as_of AND a.events > 0),
           (SELECT max(s.submitted_on) FROM lrs.submissions s WHERE s.user_id = l.user_id AND s.submitted_on <= l.as_of),
           (SELECT max((ps.started_at AT TIME ZONE l.zone)::date) FROM lrs.practice_sessions ps
            WHERE ps.user_id = l.user_id AND (ps.started_at AT TIME ZONE l.zone)::date <= l.as_of),
           (SELECT max((tc.completed_at AT TIME ZONE l.zone)::date) FROM lrs.topic_completions tc
            WHERE tc.user_id = l.user_id AND (tc.completed_at AT TIME ZONE l.zone)::date <= l.as_of)) AS LastProgressOn,
       (SELECT count(*) FROM lrs.submissions s WHERE s.user_id = l.user_id AND s.submitted_on <= l.as_of)::integer AS Attempts,
       (SELECT count(*) FROM lrs.submissions s WHERE s.user_id = l.user_id AND s.submitted_on <= l.as_of AND s.attempt > 1)::integer AS Retries,
       (SELECT sum(se.duration_s)::float8 FROM lrs.sessions se
        WHERE se.user_id = l.user_id
          AND se.started_at >= ((l.as_of - 27)::timestamp AT TIME ZONE l.zone)
          AND se.started_at < ((l.as_of + 1)::timestamp AT TIME ZONE l.zone)) AS SessionSeconds,
       (SELECT sum(a.minutes)::float8 FROM lrs.activity_days a
        WHERE a.user_id = l.user_id AND a.day BETWEEN l.as_of - 27 AND l.as_of) AS ActivityMinutes
FROM learner l;

WITH learner AS MATERIALIZED (
    SELECT u.id AS user_id, u.predictive_opt_out,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS zone,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = @userId
)
SELECT e.course_id AS CourseId,
       c.title AS CourseTitle,
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
       (SELECT max(a.day) FROM lrs.activity_days a
        WHERE a.user_id = e.user_id AND a.course_id = e.course_id AND a.day <= l.as_of AND a.events > 0) AS LastActivityOn,
       (SELECT sum(CASE WHEN a.weight > 0 THEN a.weight ELSE 1 END * a.pass_threshold_pct)::float8
               / nullif(sum(CASE WHEN a.weight > 0 THEN a.weight ELSE 1 END), 0)::float8
        FROM lrs.assessments a WHERE a.course_id = c.id) AS PassThreshold
FROM learner l
JOIN lrs.enrolments e ON e.user_id = l.user_id
JOIN lrs.courses c ON c.id = e.course_id
ORDER BY e.course_id;

WITH learner AS MATERIALIZED (
    SELECT u.id AS user_id, u.predictive_opt_out,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS zone,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = @userId
), topic_progress AS (
    SELECT tc.topic_id, (tc.completed_at AT TIME ZONE l.zone)::date AS day
    FROM lrs.topic_completions tc
    JOIN learner l ON l.user_id = tc.user_id
    WHERE (tc.completed_at AT TIME ZONE l.zone)::date <= l.as_of
    UNION ALL
    SELECT ps.topic_id, (ps.started_at AT TIME ZONE l.zone)::date
    FROM lrs.practice_sessions ps
    JOIN learner l ON l.user_id = ps.user_id
    WHERE ps.passed AND ps.topic_id IS NOT NULL AND (ps.started_at AT TIME ZONE l.zone)::date <= l.as_of
), submitted AS MATERIALIZED (
    SELECT s.assessment_id, min(s.submitted_on) AS day
    FROM learner l
    JOIN lrs.submissions s ON s.user_id = l.user_id AND s.submitted_on <= l.as_of
    GROUP BY s.assessment_id
)
SELECT t.course_id AS CourseId, min(p.day) AS FirstCompletedOn
FROM topic_progress p
JOIN lrs.topics t ON t.id = p.topic_id
GROUP BY t.course_id, t.id
UNION ALL
SELECT a.course_id, min(s.day)
FROM submitted s
JOIN lrs.assessments a ON a.id = s.assessment_id
WHERE a.kind <> 'exam'
  AND NOT EXISTS (SELECT 1 FROM lrs.topics t WHERE t.course_id = a.course_id)
GROUP BY a.course_id, a.id;

WITH learner AS MATERIALIZED (
    SELECT u.id AS user_id, u.predictive_opt_out,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS zone,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = @userId
)
SELECT a.course_id AS CourseId,
       s.submitted_on AS SubmittedOn,
       s.score_pct::float8 AS Score
FROM learner l
JOIN lrs.submissions s ON s.user_id = l.user_id AND s.submitted_on <= l.as_of
JOIN lrs.assessments a ON a.id = s.assessment_id
WHERE NOT s.is_banked AND s.score_pct IS NOT NULL
ORDER BY a.course_id, s.submitted_on, s.submitted_at NULLS LAST, s.attempt, s.id;

WITH learner AS MATERIALIZED (
    SELECT u.id AS user_id, u.predictive_opt_out,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS zone,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = @userId
)
SELECT a.course_id AS CourseId,
       CASE WHEN a.weight > 0 THEN a.weight ELSE 1 END::float8 AS Weight,
       max(s.score_pct)::float8 AS Best
FROM learner l
JOIN lrs.submissions s ON s.user_id = l.user_id AND s.submitted_on <= l.as_of
JOIN lrs.assessments a ON a.id = s.assessment_id
WHERE s.score_pct IS NOT NULL
GROUP BY a.course_id, a.id, a.weight
ORDER BY a.course_id, a.id;
