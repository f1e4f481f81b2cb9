-- The member facts of @organisationId (analytics.member_facts, migration 0015) in one set-based statement: per member (a user of
-- the organisation with the learner role) every figure the organisation analytics of ANALYTICS.md §3 aggregate, over that
-- person's own rows, each window counted back from @asOf (MemberFactWindows). Timestamps are dated in the member's own zone
-- (users.time_zone, else the organisation's @zone, §0.1); each timestamp range is first narrowed by a constant UTC bound one day
-- wider than the window, so the indexes and partitions stay usable. The set row (member_fact_sets) is written by the caller in
-- the same transaction.
INSERT INTO analytics.member_facts (
    organisation_id, user_id, department_id,
    active_recent, active_then, forum_recent, minutes_recent,
    enrolled_year, enrolled_voluntary_year, completed_year, completed_voluntary_year, finished_year,
    completed_previous_year, finished_previous_year, completed_ninety, finished_ninety, completed_previous_ninety,
    completed_ninety_with_feedback, certifications_quarter, completion_days, timed_completions,
    score_sum, scored_courses, assessed, passed,
    skills_quarter, skills_recent, skills_earlier, skills_ninety, skills_previous_ninety, skills_year, skills_applied_year, skill_days,
    target_pairs, targets_met, governed_pairs, governed_met, governed_met_before,
    units_quarter, units_previous_quarter, units_last_year_quarter, units_by_month,
    help_requests_recent, contributions_recent, feedback_ninety,
    engagement, engagement_before, velocity, velocity_before)
WITH members AS MATERIALIZED (
    SELECT u.id AS user_id, u.department_id, coalesce(u.time_zone, @zone) AS zone
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE u.organisation_id = @organisationId
), activity AS (
    -- activity_days of the recent and the then window (their monthly partitions only)
    SELECT a.user_id,
           bool_or(a.day >= @recentFrom) AS active_recent,
           bool_or(a.day <= @previousAsOf) AS active_then,
           coalesce(bool_or(a.day >= @recentFrom AND ci.type = 'forum'), false) AS forum_recent,
           sum(a.minutes) FILTER (WHERE a.day >= @recentFrom) AS minutes_recent
    FROM lrs.activity_days a
    JOIN members m ON m.user_id = a.user_id
    LEFT JOIN lrs.content_items ci ON ci.id = a.content_item_id
    WHERE (a.day BETWEEN @recentFrom AND @asOf OR a.day BETWEEN @thenFrom AND @previousAsOf) AND a.events > 0
    GROUP BY a.user_id
), other_events AS (
    -- the other kinds of activity day: submissions, practice sessions, topic completions
    SELECT e.user_id,
           bool_or(e.day BETWEEN @recentFrom AND @asOf) AS active_recent,
           bool_or(e.day BETWEEN @thenFrom AND @previousAsOf) AS active_then
    FROM (SELECT s.user_id, s.submitted_on AS day
          FROM lrs.submissions s
          JOIN members m ON m.user_id = s.user_id
          WHERE s.submitted_on BETWEEN @recentFrom AND @asOf OR s.submitted_on BETWEEN @thenFrom AND @previousAsOf
          UNION ALL
          SELECT ps.user_id, (ps.started_at AT TIME ZONE m.zone)::date
          FROM lrs.practice_sessions ps
          JOIN members m ON m.user_id = ps.user_id
          WHERE ps.started_at >= ((@thenFrom - 1)::timestamp AT TIME ZONE 'UTC') AND ps.started_at < ((@asOf + 2)::timestamp AT TIME ZONE 'UTC')
          UNION ALL
          SELECT tc.user_id, (tc.completed_at AT TIME ZONE m.zone)::date
          FROM lrs.topic_completions tc
          JOIN members m ON m.user_id = tc.user_id
          WHERE tc.completed_at >= ((@thenFrom - 1)::timestamp AT TIME ZONE 'UTC') AND tc.completed_at < ((@asOf + 2)::timestamp AT TIME ZONE 'UTC')) e
    GROUP BY e.user_id
), feedback_given AS (
    SELECT DISTINCT f.user_id, f.course_id
    FROM lrs.feedback f
    JOIN members m ON m.user_id = f.user_id
    WHERE f.submitted_at < ((@asOf + 2)::timestamp AT TIME ZONE 'UTC')
      AND (f.submitted_at AT TIME ZONE m.zone)::date <= @asOf
), enrolment_facts AS (
    SELECT e.user_id,
           count(*) FILTER (WHERE e.enrolled_on BETWEEN @yearFrom AND @asOf) AS enrolled_year,
           count(*) FILTER (WHERE e.enrolled_on BETWEEN @yearFrom AND @asOf AND e.kind = 'voluntary') AS enrolled_voluntary_year,
           count(*) FILTER (WHERE e.completed_on BETWEEN @yearFrom AND @asOf) AS completed_year,
           count(*) FILTER (WHERE e.completed_on BETWEEN @yearFrom AND @asOf AND e.kind = 'voluntary') AS completed_voluntary_year,
           count(*) FILTER (WHERE coalesce(e.completed_on, e.withdrawn_on) BETWEEN @yearFrom AND @asOf) AS finished_year,
           count(*) FILTER (WHERE e.completed_on BETWEEN @previousYearFrom AND @previousAsOf) AS completed_previous_year,
           count(*) FILTER (WHERE coalesce(e.completed_on, e.withdrawn_on) BETWEEN @previousYearFrom AND @previousAsOf) AS finished_previous_year,
           count(*) FILTER (WHERE e.completed_on BETWEEN @ninetyFrom AND @asOf) AS completed_ninety,
           count(*) FILTER (WHERE coalesce(e.completed_on, e.withdrawn_on) BETWEEN @ninetyFrom AND @asOf) AS finished_ninety,
           count(*) FILTER (WHERE e.completed_on BETWEEN @previousNinetyFrom AND @previousAsOf) AS completed_previous_ninety,
           count(*) FILTER (WHERE e.completed_on BETWEEN @ninetyFrom AND @asOf AND fg.user_id IS NOT NULL) AS completed_ninety_with_feedback,
           count(*) FILTER (WHERE e.completed_on BETWEEN @quarterFrom AND @asOf
                              AND (e.final_result IS NULL OR e.final_result IN ('pass', 'distinction'))) AS certifications_quarter,
           coalesce(sum(e.completed_on - coalesce(e.enrolled_on, c.starts_on))
               FILTER (WHERE e.completed_on BETWEEN @yearFrom AND @asOf AND coalesce(e.enrolled_on, c.starts_on) <= e.completed_on), 0) AS completion_days,
           count(*) FILTER (WHERE e.completed_on BETWEEN @yearFrom AND @asOf AND coalesce(e.enrolled_on, c.starts_on) <= e.completed_on) AS timed_completions
    FROM lrs.enrolments e
    JOIN members m ON m.user_id = e.user_id
    JOIN lrs.courses c ON c.id = e.course_id
    LEFT JOIN feedback_given fg ON fg.user_id = e.user_id AND fg.course_id = e.course_id
    WHERE e.enrolled_on BETWEEN @yearFrom AND @asOf
       OR e.completed_on BETWEEN @previousYearFrom AND @asOf
       OR e.withdrawn_on BETWEEN @previousYearFrom AND @asOf
    GROUP BY e.user_id
), best AS (
    SELECT s.user_id, a.course_id,
           max(s.score_pct)::float8 AS best,
           coalesce(nullif(a.weight, 0), 1)::float8 AS weight,
           coalesce(a.pass_threshold_pct, 70)::float8 AS threshold
    FROM lrs.submissions s
    JOIN members m ON m.user_id = s.user_id
    JOIN lrs.assessments a ON a.id = s.assessment_id
    WHERE s.score_pct IS NOT NULL AND s.submitted_on <= @asOf
    GROUP BY s.user_id, a.course_id, a.id
), scores AS (
    SELECT c.user_id, sum(c.score) AS score_sum, count(*) AS scored_courses, sum(c.assessed) AS assessed, sum(c.passed) AS passed
    FROM (SELECT b.user_id,
                 sum(b.weight * b.best) / sum(b.weight) AS score,
                 count(*) AS assessed,
                 count(*) FILTER (WHERE b.best >= b.threshold) AS passed
          FROM best b
          GROUP BY b.user_id, b.course_id) c
    GROUP BY c.user_id
), passed_practice AS (
    SELECT p.user_id, p.skill_id, max((p.started_at AT TIME ZONE m.zone)::date) AS last_passed
    FROM lrs.practice_sessions p
    JOIN members m ON m.user_id = p.user_id
    WHERE p.passed AND p.skill_id IS NOT NULL AND p.started_at < ((@asOf + 2)::timestamp AT TIME ZONE 'UTC')
    GROUP BY p.user_id, p.skill_id
), skills AS (
    SELECT us.user_id,
           count(*) FILTER (WHERE us.acquired_on >= @quarterFrom) AS skills_quarter,
           count(*) FILTER (WHERE us.acquired_on >= @recentFrom) AS skills_recent,
           count(*) FILTER (WHERE us.acquired_on BETWEEN @earlierFrom AND @earlierTo) AS skills_earlier,
           count(*) FILTER (WHERE us.acquired_on >= @ninetyFrom) AS skills_ninety,
           count(*) FILTER (WHERE us.acquired_on BETWEEN @previousNinetyFrom AND @previousAsOf) AS skills_previous_ninety,
           count(*) AS skills_year,
           count(*) FILTER (WHERE pp.last_passed >= us.acquired_on AND pp.last_passed <= @asOf) AS skills_applied_year
    FROM lrs.user_skills us
    JOIN members m ON m.user_id = us.user_id
    LEFT JOIN passed_practice pp ON pp.user_id = us.user_id AND pp.skill_id = us.skill_id
    WHERE us.acquired AND us.acquired_on BETWEEN @yearFrom AND @asOf
    GROUP BY us.user_id
), skill_times AS (
    -- days from the latest start s(e) of an enrolment in a course teaching the skill, on or before the acquisition
    SELECT t.user_id, array_agg(t.days ORDER BY t.days) AS days
    FROM (SELECT us.user_id, us.acquired_on - max(coalesce(e.enrolled_on, c.starts_on)) AS days
          FROM lrs.user_skills us
          JOIN members m ON m.user_id = us.user_id
          JOIN lrs.course_skills cs ON cs.skill_id = us.skill_id
          JOIN lrs.enrolments e ON e.user_id = us.user_id AND e.course_id = cs.course_id
          JOIN lrs.courses c ON c.id = e.course_id
          WHERE us.acquired AND us.acquired_on BETWEEN @yearFrom AND @asOf
            AND coalesce(e.enrolled_on, c.starts_on) <= us.acquired_on
          GROUP BY us.user_id, us.skill_id, us.acquired_on) t
    GROUP BY t.user_id
), targets AS (
    SELECT t.department_id, t.skill_id, t.required_level
    FROM lrs.skill_targets t
    WHERE t.organisation_id = @organisationId
), member_targets AS (
    -- per member, every target for their department or for everyone (department view) and whether it governs the skill (its
    -- department's own target, else the organisation-wide one: org performance)
    SELECT m.user_id, t.skill_id, t.required_level,
           t.department_id IS NOT NULL
               OR NOT EXISTS (SELECT 1 FROM targets o WHERE o.department_id = m.department_id AND o.skill_id = t.skill_id) AS governs
    FROM members m
    JOIN targets t ON t.department_id IS NULL OR t.department_id = m.department_id
), target_facts AS (
    SELECT mt.user_id,
           count(*) AS target_pairs,
           count(*) FILTER (WHERE us.level >= mt.required_level) AS targets_met,
           count(DISTINCT mt.skill_id) FILTER (WHERE mt.governs) AS governed_pairs,
           count(*) FILTER (WHERE mt.governs AND us.level >= mt.required_level
                              AND (us.acquired_on IS NULL OR us.acquired_on <= @asOf)) AS governed_met,
           count(*) FILTER (WHERE mt.governs AND us.level >= mt.required_level
                              AND (us.acquired_on IS NULL OR us.acquired_on <= @previousAsOf)) AS governed_met_before
    FROM member_targets mt
    LEFT JOIN lrs.user_skills us ON us.user_id = mt.user_id AND us.skill_id = mt.skill_id
    GROUP BY mt.user_id
), first_units AS (
    -- progress units (§0.4), each on its first completion day
    SELECT c.user_id, min(c.day) AS day
    FROM (SELECT tc.user_id, 't' AS kind, tc.topic_id AS unit, (tc.completed_at AT TIME ZONE m.zone)::date AS day
          FROM lrs.topic_completions tc
          JOIN members m ON m.user_id = tc.user_id
          WHERE tc.completed_at < ((@asOf + 2)::timestamp AT TIME ZONE 'UTC')
          UNION ALL
          SELECT ps.user_id, 't', ps.topic_id, (ps.started_at AT TIME ZONE m.zone)::date
          FROM lrs.practice_sessions ps
          JOIN members m ON m.user_id = ps.user_id
          WHERE ps.passed AND ps.topic_id IS NOT NULL AND ps.started_at < ((@asOf + 2)::timestamp AT TIME ZONE 'UTC')
          UNION ALL
          SELECT s.user_id, 'a', s.assessment_id, s.submitted_on
          FROM lrs.submissions s
          JOIN members m ON m.user_id = s.user_id
          JOIN lrs.assessments a ON a.id = s.assessment_id
          WHERE s.submitted_on <= @asOf
            AND a.kind <> 'exam'
            AND NOT EXISTS (SELECT 1 FROM lrs.topics t WHERE t.course_id = a.course_id)) c
    GROUP BY c.user_id, c.kind, c.unit
), unit_facts AS (
    SELECT f.user_id,
           count(*) FILTER (WHERE f.day BETWEEN @quarterFrom AND @asOf) AS units_quarter,
           count(*) FILTER (WHERE f.day BETWEEN @previousQuarterFrom AND @previousQuarterTo) AS units_previous_quarter,
           count(*) FILTER (WHERE f.day BETWEEN @lastYearQuarterFrom AND @lastYearQuarterTo) AS units_last_year_quarter,
           ARRAY[count(*) FILTER (WHERE f.month = 0), count(*) FILTER (WHERE f.month = 1), count(*) FILTER (WHERE f.month = 2),
                 count(*) FILTER (WHERE f.month = 3), count(*) FILTER (WHERE f.month = 4), count(*) FILTER (WHERE f.month = 5),
                 count(*) FILTER (WHERE f.month = 6), count(*) FILTER (WHERE f.month = 7), count(*) FILTER (WHERE f.month = 8),
                 count(*) FILTER (WHERE f.month = 9), count(*) FILTER (WHERE f.month = 10), count(*) FILTER (WHERE f.month = 11)]::integer[] AS units_by_month
    FROM (SELECT u.user_id, u.day,
                 (extract(year FROM u.day) * 12 + extract(month FROM u.day)
                  - extract(year FROM @monthsFrom::date) * 12 - extract(month FROM @monthsFrom::date))::integer AS month
          FROM first_units u
          WHERE u.day BETWEEN least(@lastYearQuarterFrom, @monthsFrom) AND @asOf) f
    GROUP BY f.user_id
), counts AS (
    SELECT c.user_id,
           count(*) FILTER (WHERE c.kind = 'help') AS help_requests_recent,
           count(*) FILTER (WHERE c.kind = 'contribution') AS contributions_recent,
           count(*) FILTER (WHERE c.kind = 'feedback') AS feedback_ninety
    FROM (SELECT hr.user_id, 'help' AS kind
          FROM lrs.help_requests hr
          JOIN members m ON m.user_id = hr.user_id
          WHERE hr.asked_at >= ((@recentFrom - 1)::timestamp AT TIME ZONE 'UTC') AND hr.asked_at < ((@asOf + 2)::timestamp AT TIME ZONE 'UTC')
            AND (hr.asked_at AT TIME ZONE m.zone)::date BETWEEN @recentFrom AND @asOf
          UNION ALL
          SELECT cc.user_id, 'contribution'
          FROM lrs.content_contributions cc
          JOIN members m ON m.user_id = cc.user_id
          WHERE cc.at >= ((@recentFrom - 1)::timestamp AT TIME ZONE 'UTC') AND cc.at < ((@asOf + 2)::timestamp AT TIME ZONE 'UTC')
            AND (cc.at AT TIME ZONE m.zone)::date BETWEEN @recentFrom AND @asOf
          UNION ALL
          SELECT f.user_id, 'feedback'
          FROM lrs.feedback f
          JOIN members m ON m.user_id = f.user_id
          WHERE f.submitted_at >= ((@ninetyFrom - 1)::timestamp AT TIME ZONE 'UTC') AND f.submitted_at < ((@asOf + 2)::timestamp AT TIME ZONE 'UTC')
            AND (f.submitted_at AT TIME ZONE m.zone)::date BETWEEN @ninetyFrom AND @asOf) c
    GROUP BY c.user_id
), learner_values AS (
    -- inputs from other analytics (§0.7): the members' engagement and velocity snapshots (LearnerSnapshotInputs made sure every
    -- member has them), now and at the weekly history point 28 days before the snapshot's asOf
    SELECT s.subject_id AS user_id,
           max((s.payload ->> 'overallEngagement')::float8) FILTER (WHERE s.analytic = 'engagement') AS engagement,
           max((s.payload #>> '{engagementHistory,7,engagement}')::float8)
               FILTER (WHERE s.analytic = 'engagement'
                         AND (s.payload #>> '{engagementHistory,7,date}')::date = (s.payload ->> 'asOf')::date - 28) AS engagement_before,
           max((s.payload ->> 'currentVelocity')::float8) FILTER (WHERE s.analytic = 'velocity') AS velocity,
           max((s.payload #>> '{velocityHistory,7,velocity}')::float8)
               FILTER (WHERE s.analytic = 'velocity'
                         AND (s.payload #>> '{velocityHistory,7,date}')::date = (s.payload ->> 'asOf')::date - 28) AS velocity_before
    FROM analytics.analytics_snapshots s
    WHERE s.organisation_id = @organisationId
      AND s.analytic IN ('engagement', 'velocity') AND s.subject_type = 'learner' AND s.role = 'learner'
    GROUP BY s.subject_id
)
SELECT @organisationId, m.user_id, m.department_id,
       coalesce(a.active_recent, false) OR coalesce(o.active_recent, false),
       coalesce(a.active_then, false) OR coalesce(o.active_then, false),
       coalesce(a.forum_recent, false),
       a.minutes_recent,
       coalesce(e.enrolled_year, 0), coalesce(e.enrolled_voluntary_year, 0), coalesce(e.completed_year, 0),
       coalesce(e.completed_voluntary_year, 0), coalesce(e.finished_year, 0),
       coalesce(e.completed_previous_year, 0), coalesce(e.finished_previous_year, 0),
       coalesce(e.completed_ninety, 0), coalesce(e.finished_ninety, 0), coalesce(e.completed_previous_ninety, 0),
       coalesce(e.completed_ninety_with_feedback, 0), coalesce(e.certifications_quarter, 0),
       coalesce(e.completion_days, 0), coalesce(e.timed_completions, 0),
       sc.score_sum, coalesce(sc.scored_courses, 0), coalesce(sc.assessed, 0), coalesce(sc.passed, 0),
       coalesce(k.skills_quarter, 0), coalesce(k.skills_recent, 0), coalesce(k.skills_earlier, 0), coalesce(k.skills_ninety, 0),
       coalesce(k.skills_previous_ninety, 0), coalesce(k.skills_year, 0), coalesce(k.skills_applied_year, 0),
       coalesce(st.days, '{}'),
       coalesce(t.target_pairs, 0), coalesce(t.targets_met, 0), coalesce(t.governed_pairs, 0),
       coalesce(t.governed_met, 0), coalesce(t.governed_met_before, 0),
       coalesce(uf.units_quarter, 0), coalesce(uf.units_previous_quarter, 0), coalesce(uf.units_last_year_quarter, 0),
       coalesce(uf.units_by_month, array_fill(0, ARRAY[12])),
       coalesce(c.help_requests_recent, 0), coalesce(c.contributions_recent, 0), coalesce(c.feedback_ninety, 0),
       lv.engagement, lv.engagement_before, lv.velocity, lv.velocity_before
FROM members m
LEFT JOIN activity a ON a.user_id = m.user_id
LEFT JOIN other_events o ON o.user_id = m.user_id
LEFT JOIN enrolment_facts e ON e.user_id = m.user_id
LEFT JOIN scores sc ON sc.user_id = m.user_id
LEFT JOIN skills k ON k.user_id = m.user_id
LEFT JOIN skill_times st ON st.user_id = m.user_id
LEFT JOIN target_facts t ON t.user_id = m.user_id
LEFT JOIN unit_facts uf ON uf.user_id = m.user_id
LEFT JOIN counts c ON c.user_id = m.user_id
LEFT JOIN learner_values lv ON lv.user_id = m.user_id;
