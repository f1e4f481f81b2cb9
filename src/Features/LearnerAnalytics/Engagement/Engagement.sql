-- Engagement inputs for a set of learners (ANALYTICS.md §1.3; @userIds, one element for a single learner), read after
-- Subject.Users in the same round trip. Every statement derives each learner's asOf (the reference date − 1, as Subject.Users
-- does) and local zone, and reads only the learners' rows up to their asOf through the (user_id, day / started_at /
-- submitted_on) indexes; rows end with UserId:
-- 1. the organisation's duration source for S: sessions, else activity minutes, else none (S unavailable, §0.4), and the
--    organisation's override of the weights;
-- 2. per local day of the last 180: events, milestones, progress events, sessions and both kinds of minutes;
-- 3. every enrolment with its course start and the course's content items per group;
-- 4. content items with events per 14-day window (0 = the last 14 days, … 6) and whether opened in the last 30 days;
-- 5. topics touched per 14-day window (activity on one of their items or a submission) and their first completion day.
WITH learner AS (
    SELECT u.id AS user_id,
           u.organisation_id,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS zone,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of,
           o.settings -> 'analytics' ->> 'Engagement:Weights' AS weights
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
), probe AS (
    -- "Supplies a kind" = at least one such row in the 90 days before asOf (ANALYTICS.md §0.4).
    SELECT l.user_id,
           l.organisation_id,
           l.weights,
           l.as_of - 89 AS day_from,
           l.as_of AS day_to,
           ((l.as_of - 89)::timestamp AT TIME ZONE l.zone) AS instant_from,
           ((l.as_of + 1)::timestamp AT TIME ZONE l.zone) AS instant_to
    FROM learner l
), organisation_probe AS MATERIALIZED (
    -- Whether any member of the organisation has sessions in the window: probed once per organisation and window, and only
    -- when some learner has none of their own (the CTE is read lazily). Probing every member is skipped when the
    -- organisation's registered sources say none of them sends sessions.
    SELECT g.organisation_id,
           g.instant_from,
           g.instant_to,
           (NOT EXISTS (SELECT 1 FROM ops.organisation_sources os WHERE os.organisation_id = g.organisation_id)
            OR EXISTS (SELECT 1
                       FROM ops.organisation_sources os
                       WHERE os.organisation_id = g.organisation_id AND 'sessions' = ANY (os.provides)))
           AND EXISTS (SELECT 1
                       FROM lrs.users m
                       JOIN lrs.sessions ss ON ss.user_id = m.id
                       WHERE m.organisation_id = g.organisation_id
                         AND ss.started_at >= g.instant_from
                         AND ss.started_at < g.instant_to) AS has_sessions
    FROM (SELECT DISTINCT p.organisation_id, p.instant_from, p.instant_to FROM probe p) g
)
SELECT CASE
           WHEN EXISTS (SELECT 1
                        FROM lrs.sessions ss
                        WHERE ss.user_id = p.user_id AND ss.started_at >= p.instant_from AND ss.started_at < p.instant_to)
               THEN 'sessions'
           WHEN (SELECT g.has_sessions
                 FROM organisation_probe g
                 WHERE g.organisation_id = p.organisation_id AND g.instant_from = p.instant_from AND g.instant_to = p.instant_to
                 LIMIT 1)
               THEN 'sessions'
           -- Minutes are probed on the learner's own rows, then on a bounded sample of the rows of the learner's courses
           -- ((course_id, day) index): a source that sends minutes sends them on its rows, and a source without them (OULAD)
           -- would otherwise cost a scan of 90 days of whole courses.
           WHEN EXISTS (SELECT 1
                        FROM lrs.activity_days a
                        WHERE a.user_id = p.user_id AND a.day BETWEEN p.day_from AND p.day_to AND a.minutes IS NOT NULL)
                OR EXISTS (SELECT 1
                           FROM (SELECT a.minutes
                                 FROM lrs.enrolments e
                                 JOIN lrs.activity_days a ON a.course_id = e.course_id
                                 WHERE e.user_id = p.user_id AND a.day BETWEEN p.day_from AND p.day_to
                                 LIMIT 1000) sample
                           WHERE sample.minutes IS NOT NULL)
               THEN 'activity-minutes'
       END AS DurationSource,
       p.weights AS OrganisationWeights,
       p.user_id AS UserId
FROM probe p;

WITH learner AS (
    SELECT u.id AS user_id,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS zone,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
), bounds AS (
    SELECT l.user_id,
           l.zone,
           l.as_of - 179 AS day_from,
           l.as_of AS day_to,
           ((l.as_of - 179)::timestamp AT TIME ZONE l.zone) AS instant_from,
           ((l.as_of + 1)::timestamp AT TIME ZONE l.zone) AS instant_to
    FROM learner l
), facts AS (
    SELECT a.user_id,
           a.day,
           sum(a.events)::integer AS events,
           0 AS milestones,
           0 AS progress,
           0 AS sessions,
           0::float8 AS session_minutes,
           coalesce(sum(a.minutes), 0)::float8 AS activity_minutes
    FROM bounds b
    JOIN lrs.activity_days a ON a.user_id = b.user_id AND a.day BETWEEN b.day_from AND b.day_to
    GROUP BY a.user_id, a.day
    UNION ALL
    SELECT ss.user_id, (ss.started_at AT TIME ZONE b.zone)::date, 0, 0, 0, 1, coalesce(ss.duration_s, 0)::float8 / 60, 0::float8
    FROM bounds b
    JOIN lrs.sessions ss ON ss.user_id = b.user_id AND ss.started_at >= b.instant_from AND ss.started_at < b.instant_to
    UNION ALL
    -- A banked submission carries an earlier result over; it is not something the learner did in the window.
    SELECT sb.user_id, sb.submitted_on, 0, 1, 1, 0, 0::float8, 0::float8
    FROM bounds b
    JOIN lrs.submissions sb ON sb.user_id = b.user_id AND sb.submitted_on BETWEEN b.day_from AND b.day_to AND NOT sb.is_banked
    UNION ALL
    SELECT ps.user_id, (ps.started_at AT TIME ZONE b.zone)::date, 0, 1, 1, 0, 0::float8, 0::float8
    FROM bounds b
    JOIN lrs.practice_sessions ps ON ps.user_id = b.user_id AND ps.started_at >= b.instant_from AND ps.started_at < b.instant_to
    UNION ALL
    -- A completion of a derived topic (attributes.derivedTopics) restates its submission: progress, not a second milestone.
    SELECT tc.user_id,
           (tc.completed_at AT TIME ZONE b.zone)::date,
           0,
           CASE WHEN coalesce((c.attributes ->> 'derivedTopics')::boolean, false) THEN 0 ELSE 1 END,
           1,
           0,
           0::float8,
           0::float8
    FROM bounds b
    JOIN lrs.topic_completions tc ON tc.user_id = b.user_id AND tc.completed_at >= b.instant_from AND tc.completed_at < b.instant_to
    JOIN lrs.topics t ON t.id = tc.topic_id
    JOIN lrs.courses c ON c.id = t.course_id
)
SELECT f.day AS Day,
       sum(f.events)::integer AS Events,
       sum(f.milestones)::integer AS Milestones,
       sum(f.progress)::integer AS ProgressEvents,
       sum(f.sessions)::integer AS Sessions,
       sum(f.session_minutes)::float8 AS SessionMinutes,
       sum(f.activity_minutes)::float8 AS ActivityMinutes,
       f.user_id AS UserId
FROM facts f
GROUP BY f.user_id, f.day
ORDER BY f.user_id, f.day;

SELECT e.course_id AS CourseId,
       e.enrolled_on AS EnrolledOn,
       e.completed_on AS CompletedOn,
       e.withdrawn_on AS WithdrawnOn,
       c.starts_on AS CourseStartsOn,
       count(ci.id)::integer AS Items,
       (count(ci.id) FILTER (WHERE ci.type = 'video'))::integer AS Videos,
       (count(ci.id) FILTER (WHERE ci.type IN ('quiz', 'interactive')))::integer AS Quizzes,
       (count(ci.id) FILTER (WHERE ci.type IN ('article', 'resource')))::integer AS Readings,
       (count(ci.id) FILTER (WHERE ci.type = 'forum'))::integer AS Discussions,
       e.user_id AS UserId
FROM lrs.enrolments e
JOIN lrs.courses c ON c.id = e.course_id
LEFT JOIN lrs.content_items ci ON ci.course_id = e.course_id
WHERE e.user_id = ANY (@userIds)
GROUP BY e.user_id, e.course_id, e.enrolled_on, e.completed_on, e.withdrawn_on, c.starts_on
ORDER BY e.user_id, e.course_id;

WITH learner AS (
    SELECT u.id AS user_id,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
)
SELECT a.content_item_id AS ItemId,
       a.course_id AS CourseId,
       ci.type AS Type,
       ((l.as_of - a.day) / 14)::integer AS WindowIndex,
       bool_or(a.day > l.as_of - 30) AS OpenedInLast30Days,
       a.user_id AS UserId
FROM learner l
JOIN lrs.activity_days a ON a.user_id = l.user_id AND a.day BETWEEN l.as_of - 97 AND l.as_of AND a.events > 0
JOIN lrs.content_items ci ON ci.id = a.content_item_id
GROUP BY a.user_id, a.content_item_id, a.course_id, ci.type, (l.as_of - a.day) / 14
ORDER BY a.user_id, a.content_item_id, 4;

WITH learner AS (
    SELECT u.id AS user_id,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS zone,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
), touched AS (
    SELECT a.user_id, ci.topic_id, (l.as_of - a.day) / 14 AS window_index
    FROM learner l
    JOIN lrs.activity_days a ON a.user_id = l.user_id AND a.day BETWEEN l.as_of - 97 AND l.as_of AND a.events > 0
    JOIN lrs.content_items ci ON ci.id = a.content_item_id
    WHERE ci.topic_id IS NOT NULL
    UNION
    SELECT sb.user_id, asm.topic_id, (l.as_of - sb.submitted_on) / 14
    FROM learner l
    JOIN lrs.submissions sb ON sb.user_id = l.user_id AND sb.submitted_on BETWEEN l.as_of - 97 AND l.as_of AND NOT sb.is_banked
    JOIN lrs.assessments asm ON asm.id = sb.assessment_id
    WHERE asm.topic_id IS NOT NULL
), completed AS (
    -- A topic is completed at its first completion or passed practice (the progress unit of ANALYTICS.md §0.4).
    SELECT p.user_id, p.topic_id, min(p.day) AS day
    FROM (SELECT tc.user_id, tc.topic_id, (tc.completed_at AT TIME ZONE l.zone)::date AS day
          FROM learner l
          JOIN lrs.topic_completions tc ON tc.user_id = l.user_id
          WHERE tc.user_id = ANY (@userIds)
          UNION ALL
          SELECT ps.user_id, ps.topic_id, (ps.started_at AT TIME ZONE l.zone)::date
          FROM learner l
          JOIN lrs.practice_sessions ps ON ps.user_id = l.user_id AND ps.passed AND ps.topic_id IS NOT NULL
          WHERE ps.user_id = ANY (@userIds)) p
    GROUP BY p.user_id, p.topic_id
)
SELECT t.topic_id AS TopicId,
       t.window_index::integer AS WindowIndex,
       c.day AS FirstCompletedOn,
       t.user_id AS UserId
FROM touched t
LEFT JOIN completed c ON c.user_id = t.user_id AND c.topic_id = t.topic_id
ORDER BY t.user_id, t.topic_id, t.window_index;
