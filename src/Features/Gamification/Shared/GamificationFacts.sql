-- The store facts of gamification (ANALYTICS.md §6) for a set of learners (@userIds, @now, @minMinutes), after Subject.Users. Timestamps
-- become local days in the learner's zone; date columns are used as stored; nothing after the organisation's today counts.
-- 1. Facts that earn points: completed courses (pass, distinction or no result), acquired skills, assessment score increments over the
--    previous non-banked best, passed practice sessions.
WITH member AS (
    SELECT u.id,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS tz,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) AS today
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
), scored AS (
    SELECT s.id,
           s.user_id,
           coalesce((s.submitted_at AT TIME ZONE m.tz)::date, s.submitted_on) AS day,
           s.submitted_at,
           s.score_pct,
           max(s.score_pct) OVER (PARTITION BY s.user_id, s.assessment_id
                                  ORDER BY coalesce(s.submitted_at, s.submitted_on::timestamp AT TIME ZONE m.tz), s.attempt, s.id
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_best,
           m.today
    FROM lrs.submissions s
    JOIN member m ON m.id = s.user_id
    WHERE s.score_pct IS NOT NULL AND NOT s.is_banked
), facts AS (
    SELECT 'course-completed' AS rule, e.id::text AS source_event_id, e.completed_on AS day, NULL::timestamptz AS at, 100 AS points,
           e.user_id::text AS user_id, m.today
    FROM lrs.enrolments e
    JOIN member m ON m.id = e.user_id
    WHERE e.status = 'completed' AND e.completed_on IS NOT NULL AND (e.final_result IS NULL OR e.final_result IN ('pass', 'distinction'))
    UNION ALL
    SELECT 'skill-acquired', 'user_skill:' || us.user_id || ':' || us.skill_id, coalesce(us.acquired_on, (us.synced_at AT TIME ZONE m.tz)::date),
           NULL::timestamptz, 50, us.user_id::text, m.today
    FROM lrs.user_skills us
    JOIN member m ON m.id = us.user_id
    WHERE us.acquired
    UNION ALL
    SELECT 'assessment-scored', sc.id::text, sc.day, sc.submitted_at,
           (round(sc.score_pct) - round(coalesce(sc.previous_best, 0)))::integer, sc.user_id::text, sc.today
    FROM scored sc
    WHERE round(sc.score_pct) > round(coalesce(sc.previous_best, 0))
    UNION ALL
    SELECT 'practice-passed', p.id::text, (p.started_at AT TIME ZONE m.tz)::date, p.started_at, 10, p.user_id::text, m.today
    FROM lrs.practice_sessions p
    JOIN member m ON m.id = p.user_id
    WHERE p.passed
)
SELECT f.rule AS Rule, f.source_event_id AS SourceEventId, f.day AS Day, f.at AS At, f.points AS Points, f.user_id AS UserId
FROM facts f
WHERE f.day <= f.today
ORDER BY f.user_id, f.day;

-- 2. Active days (ANALYTICS.md §6.3): a topic completion, a submission, a practice session, or activity_days events ≥ 1 with minutes
--    null or ≥ @minMinutes. Logins and dashboard views do not count.
WITH member AS (
    SELECT u.id,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS tz,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) AS today
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
), days AS (
    SELECT tc.user_id::text AS user_id, (tc.completed_at AT TIME ZONE m.tz)::date AS day, m.today
    FROM lrs.topic_completions tc JOIN member m ON m.id = tc.user_id
    UNION
    SELECT s.user_id::text, coalesce((s.submitted_at AT TIME ZONE m.tz)::date, s.submitted_on), m.today
    FROM lrs.submissions s JOIN member m ON m.id = s.user_id
    UNION
    SELECT p.user_id::text, (p.started_at AT TIME ZONE m.tz)::date, m.today
    FROM lrs.practice_sessions p JOIN member m ON m.id = p.user_id
    UNION
    SELECT ad.user_id, ad.day, m.today
    FROM lrs.activity_days ad JOIN member m ON m.id = ad.user_id
    WHERE ad.events >= 1 AND (ad.minutes IS NULL OR ad.minutes >= @minMinutes)
)
SELECT d.day AS Day, d.user_id AS UserId
FROM days d
WHERE d.day <= d.today
ORDER BY d.user_id, d.day;

-- 3. Badge evidence (ANALYTICS.md §6.2): one row per counted fact with its local day.
WITH member AS (
    SELECT u.id,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS tz,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) AS today
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
), evidence AS (
    SELECT 'course-completed' AS evidence, e.completed_on AS day, e.user_id::text AS user_id
    FROM lrs.enrolments e JOIN member m ON m.id = e.user_id
    WHERE e.status = 'completed' AND e.completed_on IS NOT NULL AND (e.final_result IS NULL OR e.final_result IN ('pass', 'distinction'))
    UNION ALL
    SELECT 'skill-acquired', coalesce(us.acquired_on, (us.synced_at AT TIME ZONE m.tz)::date), us.user_id::text
    FROM lrs.user_skills us JOIN member m ON m.id = us.user_id
    WHERE us.acquired
    UNION ALL
    SELECT 'perfect-score', coalesce((s.submitted_at AT TIME ZONE m.tz)::date, s.submitted_on), s.user_id::text
    FROM lrs.submissions s JOIN member m ON m.id = s.user_id
    WHERE s.score_pct = 100 AND NOT s.is_banked
    UNION ALL
    SELECT 'path-completed', max((tc.completed_at AT TIME ZONE m.tz)::date), lp.user_id::text
    FROM lrs.learning_paths lp
    JOIN member m ON m.id = lp.user_id
    JOIN lrs.learning_path_topics lpt ON lpt.path_id = lp.id
    LEFT JOIN lrs.topic_completions tc ON tc.user_id = lp.user_id AND tc.topic_id = lpt.topic_id
    GROUP BY lp.id, lp.user_id
    HAVING count(*) = count(tc.topic_id)
    UNION ALL
    SELECT 'mentee', min(ml.started_on), ml.mentor_id::text
    FROM lrs.mentoring_links ml JOIN member m ON m.id = ml.mentor_id
    GROUP BY ml.mentor_id, ml.mentee_id
    UNION ALL
    SELECT 'contribution', (cc.at AT TIME ZONE m.tz)::date, cc.user_id::text
    FROM lrs.content_contributions cc JOIN member m ON m.id = cc.user_id
    UNION ALL
    SELECT 'assessment-passed', min(coalesce((s.submitted_at AT TIME ZONE m.tz)::date, s.submitted_on)), s.user_id::text
    FROM lrs.submissions s
    JOIN member m ON m.id = s.user_id
    JOIN lrs.assessments a ON a.id = s.assessment_id
    WHERE s.score_pct >= a.pass_threshold_pct
    GROUP BY s.user_id, s.assessment_id
    UNION ALL
    SELECT 'completionist', max(e.completed_on), e.user_id::text
    FROM lrs.enrolments e JOIN member m ON m.id = e.user_id
    GROUP BY e.user_id
    HAVING count(*) >= 3 AND bool_and(e.status = 'completed' AND e.completed_on IS NOT NULL)
)
SELECT ev.evidence AS Evidence, ev.day AS Day, ev.user_id AS UserId
FROM evidence ev
JOIN member m ON m.id = ev.user_id
WHERE ev.day IS NOT NULL AND ev.day <= m.today
ORDER BY ev.user_id, ev.day;

-- 4. The ledger rows already awarded (never awarded again, never rewritten).
SELECT pe.rule AS Rule, pe.source_event_id AS SourceEventId, pe.occurred_on AS Day, pe.points AS Points, pe.capped AS Capped,
       pe.awarded_at AS AwardedAt, pe.user_id::text AS UserId
FROM gamification.point_events pe
WHERE pe.user_id = ANY (@userIds) AND pe.reversed_at IS NULL
ORDER BY pe.user_id, pe.occurred_on, pe.id;
