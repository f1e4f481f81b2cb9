-- A learner comparison group (ANALYTICS.md §4.1): the learners of the scope (@scope platform | organisation @organisationId |
-- department @departmentId), read set-based in two statements:
-- 1. per learner with a learner snapshot younger than @oldest: velocity/100, engagement/100, mastery, performance (ratios; a key
--    missing or not a number is no value) and the progress of their enrolments active at @asOf (Σ progress_pct, count);
--    no rows at all when the group is smaller than k (@minGroupSize), which the calculator checks again without the subject;
-- 2. the group's skill histogram (holders per skill and level) for skills held by at least k learners.
WITH members AS MATERIALIZED (
    SELECT u.id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE (@scope = 'platform' OR u.organisation_id = @organisationId::text)
      AND (@scope <> 'department' OR u.department_id = @departmentId::text)
), metric_values AS (
    SELECT s.subject_id AS user_id,
           max(CASE WHEN jsonb_typeof(s.payload -> 'currentVelocity') = 'number'
                    THEN (s.payload ->> 'currentVelocity')::double precision / 100 END) FILTER (WHERE s.analytic = 'velocity') AS velocity,
           max(CASE WHEN jsonb_typeof(s.payload -> 'overallEngagement') = 'number'
                    THEN (s.payload ->> 'overallEngagement')::double precision / 100 END) FILTER (WHERE s.analytic = 'engagement') AS engagement,
           max(CASE WHEN jsonb_typeof(s.payload -> 'overallMastery') = 'number'
                    THEN (s.payload ->> 'overallMastery')::double precision END) FILTER (WHERE s.analytic = 'mastery') AS mastery,
           max(CASE WHEN jsonb_typeof(s.payload -> 'overallScore') = 'number'
                    THEN (s.payload ->> 'overallScore')::double precision END) FILTER (WHERE s.analytic = 'performance') AS performance
    FROM analytics.analytics_snapshots s
    JOIN members m ON m.id = s.subject_id
    WHERE s.subject_type = 'learner'
      AND s.role = 'learner'
      AND s.analytic IN ('velocity', 'engagement', 'mastery', 'performance')
      AND s.computed_at > @oldest
    GROUP BY s.subject_id
), progress AS (
    SELECT e.user_id, sum(e.progress_pct)::double precision AS total, count(*)::integer AS enrolments
    FROM lrs.enrolments e
    JOIN members m ON m.id = e.user_id
    JOIN lrs.courses c ON c.id = e.course_id
    WHERE e.progress_pct IS NOT NULL
      AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (e.withdrawn_on IS NULL OR e.withdrawn_on > @asOf)
      AND (e.completed_on IS NULL OR e.completed_on > @asOf)
    GROUP BY e.user_id
), grouped AS (
    SELECT v.user_id, v.velocity, v.engagement, v.mastery, v.performance,
           coalesce(p.total, 0) AS progress_total, coalesce(p.enrolments, 0) AS progress_enrolments,
           count(*) OVER () AS group_size
    FROM metric_values v
    LEFT JOIN progress p ON p.user_id = v.user_id
)
SELECT g.user_id AS Id,
       g.velocity AS Velocity,
       g.engagement AS Engagement,
       g.mastery AS Mastery,
       g.performance AS Performance,
       g.progress_total AS ProgressTotal,
       g.progress_enrolments AS ProgressEnrolments
FROM grouped g
WHERE g.group_size >= @minGroupSize;

WITH members AS MATERIALIZED (
    SELECT u.id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE (@scope = 'platform' OR u.organisation_id = @organisationId::text)
      AND (@scope <> 'department' OR u.department_id = @departmentId::text)
), skill_levels AS (
    SELECT us.skill_id, us.level, count(*)::integer AS people, sum(count(*)) OVER (PARTITION BY us.skill_id) AS holders
    FROM lrs.user_skills us
    JOIN members m ON m.id = us.user_id
    GROUP BY us.skill_id, us.level
)
SELECT sl.skill_id AS SkillId, sk.name AS SkillName, sl.level::integer AS Level, sl.people AS People
FROM skill_levels sl
JOIN lrs.skills sk ON sk.id = sl.skill_id
WHERE sl.holders >= @minGroupSize
ORDER BY sl.skill_id, sl.level;
