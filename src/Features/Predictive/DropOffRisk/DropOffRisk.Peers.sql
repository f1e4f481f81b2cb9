-- The peers behind a learner's cohort medians (ANALYTICS.md §5.1 factors: "the active enrolments of the same course at the same
-- weekOfCourse", else the organisation's at that week): for each target (@courseIds[i], @weeks[i]), the scored active enrolments
-- (not opted out) at cutoff @cutoff in that course (@organisationScope false) or of any member of @organisationId (true) whose
-- weekOfCourse = floor((c − s)/7) is that week, with the rule's inputs at c: E from the engagement snapshot, events in the course
-- over the last 7 days, a progress event in them, and units completed in the last and the previous 7 days.
WITH target AS (
    SELECT t.course_id, t.week
    FROM unnest(@courseIds::text[], @weeks::integer[]) AS t(course_id, week)
), candidates AS (
    SELECT t.course_id AS group_id, t.week, e.user_id, e.course_id, e.enrolled_on, e.withdrawn_on, e.completed_on, e.status
    FROM target t
    JOIN lrs.enrolments e ON e.course_id = t.course_id
    WHERE NOT @organisationScope
    UNION ALL
    SELECT t.course_id, t.week, e.user_id, e.course_id, e.enrolled_on, e.withdrawn_on, e.completed_on, e.status
    FROM target t
    JOIN lrs.users m ON m.organisation_id = @organisationId
    JOIN lrs.enrolments e ON e.user_id = m.id
    WHERE @organisationScope
), peers AS (
    SELECT ca.group_id, ca.user_id, ca.course_id, coalesce(u.time_zone, o.time_zone, 'UTC') AS zone
    FROM candidates ca
    JOIN lrs.courses c ON c.id = ca.course_id
    JOIN lrs.users u ON u.id = ca.user_id
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE NOT u.predictive_opt_out
      AND coalesce(c.starts_on, ca.enrolled_on) IS NOT NULL
      AND coalesce(ca.enrolled_on, c.starts_on) <= @cutoff - 1
      AND (ca.withdrawn_on IS NULL OR ca.withdrawn_on > @cutoff)
      AND (ca.completed_on IS NULL OR ca.completed_on > @cutoff)
      AND (ca.status = 'active' OR ca.withdrawn_on IS NOT NULL OR ca.completed_on IS NOT NULL)
      AND coalesce(c.starts_on, ca.enrolled_on) + @minDaysSinceStart <= @cutoff
      AND floor((@cutoff - coalesce(c.starts_on, ca.enrolled_on)) / 7.0)::integer = ca.week
)
SELECT p.group_id AS GroupId,
       p.user_id AS UserId,
       (SELECT (s.payload ->> 'overallEngagement')::integer
        FROM analytics.analytics_snapshots s
        WHERE s.subject_type = 'learner' AND s.subject_id = p.user_id AND s.role = 'learner' AND s.analytic = 'engagement'
          AND s.computed_at > @oldest AND jsonb_typeof(s.payload -> 'overallEngagement') = 'number') AS Engagement,
       coalesce(clicks.events, 0)::integer AS ClicksWeek1,
       (coalesce(clicks.events, 0) > 0
        OR EXISTS (SELECT 1
                   FROM lrs.submissions sb
                   JOIN lrs.assessments a ON a.id = sb.assessment_id
                   WHERE sb.user_id = p.user_id AND a.course_id = p.course_id AND sb.submitted_on BETWEEN @cutoff - 7 AND @cutoff - 1)
        OR coalesce(units.last7, 0) > 0) AS Progressed,
       coalesce(units.last7, 0)::integer AS UnitsLast7,
       coalesce(units.previous7, 0)::integer AS UnitsPrevious7
FROM peers p
LEFT JOIN LATERAL (
    SELECT sum(a.events) AS events
    FROM lrs.activity_days a
    WHERE a.user_id = p.user_id AND a.course_id = p.course_id
      AND a.day BETWEEN @cutoff - 7 AND @cutoff - 1 AND a.events > 0
) clicks ON true
LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE d.day BETWEEN @cutoff - 7 AND @cutoff - 1) AS last7,
           count(*) FILTER (WHERE d.day BETWEEN @cutoff - 14 AND @cutoff - 8) AS previous7
    FROM (SELECT (tc.completed_at AT TIME ZONE p.zone)::date AS day
          FROM lrs.topic_completions tc
          WHERE tc.user_id = p.user_id) d
) units ON true;
