-- Per course, analysis day and active learner: the inputs of the learner's engagement (#3, ANALYTICS.md §1.3) and of the
-- transparent drop-off rule (§5.1 A), computed for the whole cohort in one statement (ANALYTICS.md §0.7: inputs from other
-- analytics are computed from the store when no snapshot exists). Engagement and velocity are learner-level: every course of
-- the learner counts, on the learner's local calendar. The 14-day window weighs the newest 7 days twice.
WITH days AS (
    SELECT @asOf::date AS as_of
    UNION
    SELECT @earlierAsOf::date
), cohort AS (
    SELECT c.id AS course_id, d.as_of, e.user_id, coalesce(c.starts_on, e.enrolled_on) AS course_start
    FROM lrs.courses c
    CROSS JOIN days d
    JOIN lrs.enrolments e ON e.course_id = c.id
    WHERE c.id = ANY (@courseIds)
      AND coalesce(e.enrolled_on, c.starts_on) <= d.as_of
      AND (c.ends_on IS NOT NULL OR c.length_days IS NOT NULL OR e.enrolled_on > d.as_of - @openEndedWindowDays)
      AND (e.withdrawn_on IS NULL OR e.withdrawn_on > d.as_of)
      AND (e.completed_on IS NULL OR e.completed_on > d.as_of)
), learners AS (
    SELECT DISTINCT ch.user_id, ch.as_of, coalesce(u.time_zone, o.time_zone, 'UTC') AS zone, u.predictive_opt_out,
           EXISTS (SELECT 1
                   FROM ops.organisation_sources os
                   WHERE os.organisation_id = u.organisation_id AND 'sessions' = ANY (os.provides)) AS has_sessions
    FROM cohort ch
    JOIN lrs.users u ON u.id = ch.user_id
    JOIN lrs.organisations o ON o.id = u.organisation_id
), facts AS (
    -- One row per source fact: events and minutes (activity_days), milestones (submissions, practice, topic completions),
    -- session minutes; `progress` marks progress events (§0.4), `active` any activity including a session.
    SELECT l.user_id, l.as_of, a.day, sum(a.events)::float8 AS events, sum(a.minutes)::float8 AS minutes, 0 AS milestones,
           0::float8 AS session_minutes, bool_or(a.events > 0) AS progress, bool_or(a.events > 0) AS active
    FROM learners l
    JOIN lrs.activity_days a ON a.user_id = l.user_id AND a.day BETWEEN l.as_of - 13 AND l.as_of
        -- The same window as constants, so only the months it covers are scanned (partition pruning).
        AND a.day BETWEEN least(@asOf::date, @earlierAsOf::date) - 13 AND greatest(@asOf::date, @earlierAsOf::date)
    GROUP BY l.user_id, l.as_of, a.day
    UNION ALL
    SELECT l.user_id, l.as_of, s.submitted_on, 0, NULL, count(*)::integer, 0, true, true
    FROM learners l
    JOIN lrs.submissions s ON s.user_id = l.user_id AND s.submitted_on BETWEEN l.as_of - 13 AND l.as_of
    GROUP BY l.user_id, l.as_of, s.submitted_on
    UNION ALL
    SELECT l.user_id, l.as_of, (ps.started_at AT TIME ZONE l.zone)::date, 0, NULL, 1, 0, true, true
    FROM learners l
    JOIN lrs.practice_sessions ps ON ps.user_id = l.user_id
        AND ps.started_at >= (l.as_of - 14)::timestamp AT TIME ZONE 'UTC'
        AND ps.started_at < (l.as_of + 2)::timestamp AT TIME ZONE 'UTC'
    UNION ALL
    -- A completion in a course with derived topics restates a submission: activity, but no milestone (§1.3).
    SELECT l.user_id, l.as_of, (tc.completed_at AT TIME ZONE l.zone)::date, 0, NULL,
           CASE WHEN coalesce((c.attributes ->> 'derivedTopics')::boolean, false) THEN 0 ELSE 1 END, 0, true, true
    FROM learners l
    JOIN lrs.topic_completions tc ON tc.user_id = l.user_id
        AND tc.completed_at >= (l.as_of - 14)::timestamp AT TIME ZONE 'UTC'
        AND tc.completed_at < (l.as_of + 2)::timestamp AT TIME ZONE 'UTC'
    JOIN lrs.topics t ON t.id = tc.topic_id
    JOIN lrs.courses c ON c.id = t.course_id
    UNION ALL
    SELECT l.user_id, l.as_of, (se.started_at AT TIME ZONE l.zone)::date, 0, NULL, 0, coalesce(se.duration_s, 0) / 60.0, false, true
    FROM learners l
    JOIN lrs.sessions se ON se.user_id = l.user_id
        AND se.started_at >= (l.as_of - 14)::timestamp AT TIME ZONE 'UTC'
        AND se.started_at < (l.as_of + 2)::timestamp AT TIME ZONE 'UTC'
        AND se.started_at >= (least(@asOf::date, @earlierAsOf::date) - 14)::timestamp AT TIME ZONE 'UTC'
        AND se.started_at < (greatest(@asOf::date, @earlierAsOf::date) + 2)::timestamp AT TIME ZONE 'UTC'
), daily AS (
    SELECT f.user_id, f.as_of, f.day,
           CASE WHEN f.day > f.as_of - 7 THEN 2 ELSE 1 END AS weight,
           sum(f.events) AS events, sum(f.minutes) AS minutes, sum(f.milestones) AS milestones,
           sum(f.session_minutes) AS session_minutes, bool_or(f.progress) AS progress, bool_or(f.active) AS active
    FROM facts f
    WHERE f.day BETWEEN f.as_of - 13 AND f.as_of
    GROUP BY f.user_id, f.as_of, f.day
), engagement AS (
    SELECT d.user_id, d.as_of,
           sum(d.weight) FILTER (WHERE d.active) AS weighted_active_days,
           sum(d.weight * d.session_minutes) AS weighted_session_minutes,
           sum(d.weight * d.minutes) AS weighted_activity_minutes,
           sum(d.weight * (d.events + @milestoneWeight * d.milestones)) AS weighted_units,
           bool_or(d.progress AND d.day > d.as_of - 7) AS progress_last7
    FROM daily d
    GROUP BY d.user_id, d.as_of
), units AS (
    -- Progress units of velocity (#1): a topic first completed (completion or passed practice), or in a course without
    -- topics a non-exam assessment first submitted (§0.4).
    SELECT l.user_id, l.as_of, u.unit, min(u.day) AS first_day
    FROM learners l
    CROSS JOIN LATERAL (
        SELECT 't:' || tc.topic_id AS unit, (tc.completed_at AT TIME ZONE l.zone)::date AS day
        FROM lrs.topic_completions tc
        WHERE tc.user_id = l.user_id
        UNION ALL
        SELECT 't:' || ps.topic_id, (ps.started_at AT TIME ZONE l.zone)::date
        FROM lrs.practice_sessions ps
        WHERE ps.user_id = l.user_id AND ps.passed AND ps.topic_id IS NOT NULL
        UNION ALL
        SELECT 'a:' || s.assessment_id, s.submitted_on
        FROM lrs.submissions s
        JOIN lrs.assessments a ON a.id = s.assessment_id
        WHERE s.user_id = l.user_id
          AND a.kind <> 'exam'
          AND NOT EXISTS (SELECT 1 FROM lrs.topics t WHERE t.course_id = a.course_id)
    ) u
    GROUP BY l.user_id, l.as_of, u.unit
), velocity AS (
    SELECT un.user_id, un.as_of,
           count(*) FILTER (WHERE un.first_day BETWEEN un.as_of - 6 AND un.as_of)::integer AS units_last7,
           count(*) FILTER (WHERE un.first_day BETWEEN un.as_of - 13 AND un.as_of - 7)::integer AS units_previous7
    FROM units un
    GROUP BY un.user_id, un.as_of
)
SELECT ch.course_id AS CourseId,
       ch.as_of AS AsOf,
       ch.user_id AS UserId,
       (NOT l.predictive_opt_out AND ch.course_start <= ch.as_of + 1 - @minDaysSinceStart) AS Scored,
       coalesce(en.weighted_active_days, 0)::float8 AS WeightedActiveDays,
       (CASE WHEN l.has_sessions THEN coalesce(en.weighted_session_minutes, 0) ELSE en.weighted_activity_minutes END)::float8
           AS WeightedMinutes,
       coalesce(en.weighted_units, 0)::float8 AS WeightedUnits,
       coalesce(v.units_last7, 0) AS UnitsLast7,
       coalesce(v.units_previous7, 0) AS UnitsPrevious7,
       coalesce(en.progress_last7, false) AS ProgressLast7
FROM cohort ch
JOIN learners l ON l.user_id = ch.user_id AND l.as_of = ch.as_of
LEFT JOIN engagement en ON en.user_id = ch.user_id AND en.as_of = ch.as_of
LEFT JOIN velocity v ON v.user_id = ch.user_id AND v.as_of = ch.as_of
ORDER BY ch.course_id, ch.as_of DESC, ch.user_id;
