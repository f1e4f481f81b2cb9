-- Organisational learning velocity (ANALYTICS.md §3.1) over the employees of @organisationId (users with role learner), or of
-- the department @departmentId, set-based for the whole organisation in one round trip. k (@minGroupSize) is enforced here:
-- 1. one row for all employees and one per department, each only when it has at least k employees; every row carries the
--    number of the organisation's departments left out for being smaller, empty ones included (suppressed segments). No row at all = the whole group is below k.
--    Per employee: an activity day (§0.4) in the last 30 days and in the 30 days ending 90 days earlier; skills acquired in the
--    quarter; certifications (the proxy: enrolments completed in the quarter with result pass, distinction or none); enrolments
--    completed and finished in the last 90 days; the learner velocity snapshot's currentVelocity (#1, read after
--    LearnerSnapshotInputs made sure every employee has one);
-- 2. progress units (§0.4) first completed per local day since @seriesFrom, for the quarter comparisons and the peak month;
-- 3. the median days from the enrolment in a course teaching a skill to its acquisition, over the last 365 days.
WITH members AS MATERIALIZED (
    SELECT u.id AS user_id, u.department_id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE u.organisation_id = @organisationId
      AND (@departmentId::text IS NULL OR u.department_id = @departmentId::text)
), activity AS (
    -- Only the two windows compared (each side prunes its own monthly partitions): is_now marks the last 30 days.
    SELECT a.user_id, a.day >= @activeFrom AS is_now
    FROM lrs.activity_days a
    JOIN members m ON m.user_id = a.user_id
    WHERE (a.day BETWEEN @activeFrom AND @asOf OR a.day BETWEEN @thenFrom AND @thenTo) AND a.events > 0
    UNION ALL
    SELECT s.user_id, s.submitted_on >= @activeFrom
    FROM lrs.submissions s
    JOIN members m ON m.user_id = s.user_id
    WHERE s.submitted_on BETWEEN @activeFrom AND @asOf OR s.submitted_on BETWEEN @thenFrom AND @thenTo
    UNION ALL
    SELECT p.user_id, p.day >= @activeFrom
    FROM (SELECT ps.user_id, (ps.started_at AT TIME ZONE @zone)::date AS day
          FROM lrs.practice_sessions ps
          JOIN members m ON m.user_id = ps.user_id
          WHERE ps.started_at >= (@thenFrom::timestamp AT TIME ZONE @zone)
            AND ps.started_at < ((@asOf + 1)::timestamp AT TIME ZONE @zone)
          UNION ALL
          SELECT tc.user_id, (tc.completed_at AT TIME ZONE @zone)::date
          FROM lrs.topic_completions tc
          JOIN members m ON m.user_id = tc.user_id
          WHERE tc.completed_at >= (@thenFrom::timestamp AT TIME ZONE @zone)
            AND tc.completed_at < ((@asOf + 1)::timestamp AT TIME ZONE @zone)) p
    WHERE p.day >= @activeFrom OR p.day <= @thenTo
), activity_flags AS (
    SELECT a.user_id, bool_or(a.is_now) AS active_now, bool_or(NOT a.is_now) AS active_then
    FROM activity a
    GROUP BY a.user_id
), skills AS (
    SELECT us.user_id, count(*) AS acquired
    FROM lrs.user_skills us
    JOIN members m ON m.user_id = us.user_id
    WHERE us.acquired_on BETWEEN @quarterFrom AND @asOf
    GROUP BY us.user_id
), enrolment_counts AS (
    SELECT e.user_id,
           count(*) FILTER (WHERE e.completed_on BETWEEN @quarterFrom AND @asOf
                                  AND (e.final_result IS NULL OR e.final_result IN ('pass', 'distinction'))) AS certifications,
           count(*) FILTER (WHERE e.completed_on BETWEEN @finishedFrom AND @asOf) AS completed,
           count(*) FILTER (WHERE coalesce(e.completed_on, e.withdrawn_on) BETWEEN @finishedFrom AND @asOf) AS finished
    FROM lrs.enrolments e
    JOIN members m ON m.user_id = e.user_id
    WHERE e.completed_on BETWEEN least(@quarterFrom, @finishedFrom) AND @asOf
       OR e.withdrawn_on BETWEEN @finishedFrom AND @asOf
    GROUP BY e.user_id
), velocity AS (
    SELECT s.subject_id AS user_id, (s.payload ->> 'currentVelocity')::float8 AS current_velocity
    FROM analytics.analytics_snapshots s
    WHERE s.organisation_id = @organisationId
      AND s.analytic = 'velocity' AND s.subject_type = 'learner' AND s.role = 'learner'
), per_member AS (
    SELECT m.department_id,
           coalesce(f.active_now, false) AS active_now,
           coalesce(f.active_then, false) AS active_then,
           coalesce(k.acquired, 0) AS acquired,
           coalesce(c.certifications, 0) AS certifications,
           coalesce(c.completed, 0) AS completed,
           coalesce(c.finished, 0) AS finished,
           v.current_velocity
    FROM members m
    LEFT JOIN activity_flags f ON f.user_id = m.user_id
    LEFT JOIN skills k ON k.user_id = m.user_id
    LEFT JOIN enrolment_counts c ON c.user_id = m.user_id
    LEFT JOIN velocity v ON v.user_id = m.user_id
), grouped AS (
    SELECT GROUPING(p.department_id) = 1 AS is_total,
           p.department_id,
           count(*) AS employees,
           count(*) FILTER (WHERE p.active_now) AS active_now,
           count(*) FILTER (WHERE p.active_then) AS active_then,
           sum(p.acquired) AS acquired,
           sum(p.certifications) AS certifications,
           sum(p.completed) AS completed,
           sum(p.finished) AS finished,
           count(*) FILTER (WHERE p.finished > 0) AS finished_people,
           count(p.current_velocity) AS velocity_people,
           avg(p.current_velocity) AS velocity_mean,
           count(*) FILTER (WHERE p.current_velocity >= 70) AS velocity_high,
           count(*) FILTER (WHERE p.current_velocity >= 30 AND p.current_velocity < 70) AS velocity_medium,
           count(*) FILTER (WHERE p.current_velocity < 30) AS velocity_low
    FROM per_member p
    GROUP BY GROUPING SETS ((), (p.department_id))
)
SELECT g.is_total AS IsTotal,
       g.department_id AS DepartmentId,
       d.name AS DepartmentName,
       g.employees::integer AS Employees,
       g.active_now::integer AS ActiveNow,
       g.active_then::integer AS ActiveThen,
       g.acquired::integer AS SkillsAcquired,
       g.certifications::integer AS Certifications,
       g.completed::integer AS CompletedEnrolments,
       g.finished::integer AS FinishedEnrolments,
       g.finished_people::integer AS FinishedPeople,
       g.velocity_people::integer AS VelocityPeople,
       g.velocity_mean AS VelocityMean,
       g.velocity_high::integer AS VelocityHigh,
       g.velocity_medium::integer AS VelocityMedium,
       g.velocity_low::integer AS VelocityLow,
       (SELECT count(*)
        FROM lrs.departments sd
        LEFT JOIN grouped s ON s.department_id = sd.id AND NOT s.is_total
        WHERE sd.organisation_id = @organisationId
          AND (@departmentId::text IS NULL OR sd.id = @departmentId::text)
          AND coalesce(s.employees, 0) < @minGroupSize)::integer AS SuppressedSegments
FROM grouped g
LEFT JOIN lrs.departments d ON d.id = g.department_id
WHERE g.employees >= @minGroupSize
  AND (g.is_total OR g.department_id IS NOT NULL)
ORDER BY g.is_total DESC, d.name, g.department_id;

WITH members AS MATERIALIZED (
    SELECT u.id AS user_id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE u.organisation_id = @organisationId
      AND (@departmentId::text IS NULL OR u.department_id = @departmentId::text)
), completions AS (
    SELECT tc.user_id, 't' AS kind, tc.topic_id AS unit, (tc.completed_at AT TIME ZONE @zone)::date AS day
    FROM lrs.topic_completions tc
    JOIN members m ON m.user_id = tc.user_id
    WHERE tc.completed_at < ((@asOf + 1)::timestamp AT TIME ZONE @zone)
    UNION ALL
    SELECT ps.user_id, 't', ps.topic_id, (ps.started_at AT TIME ZONE @zone)::date
    FROM lrs.practice_sessions ps
    JOIN members m ON m.user_id = ps.user_id
    WHERE ps.passed AND ps.topic_id IS NOT NULL AND ps.started_at < ((@asOf + 1)::timestamp AT TIME ZONE @zone)
    UNION ALL
    SELECT s.user_id, 'a', s.assessment_id, s.submitted_on
    FROM lrs.submissions s
    JOIN members m ON m.user_id = s.user_id
    JOIN lrs.assessments a ON a.id = s.assessment_id
    WHERE s.submitted_on <= @asOf
      AND a.kind <> 'exam'
      AND NOT EXISTS (SELECT 1 FROM lrs.topics t WHERE t.course_id = a.course_id)
), first_completions AS (
    SELECT min(c.day) AS day
    FROM completions c
    GROUP BY c.user_id, c.kind, c.unit
)
SELECT f.day AS Day, count(*)::integer AS Completions
FROM first_completions f
WHERE f.day >= @seriesFrom
  AND (SELECT count(*) FROM members) >= @minGroupSize
GROUP BY f.day
ORDER BY f.day;

WITH members AS MATERIALIZED (
    SELECT u.id AS user_id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE u.organisation_id = @organisationId
      AND (@departmentId::text IS NULL OR u.department_id = @departmentId::text)
), timed AS (
    -- The latest start s(e) of an enrolment in a course teaching the skill, on or before the acquisition.
    SELECT us.user_id, us.acquired_on - max(coalesce(e.enrolled_on, c.starts_on)) AS days
    FROM lrs.user_skills us
    JOIN members m ON m.user_id = us.user_id
    JOIN lrs.course_skills cs ON cs.skill_id = us.skill_id
    JOIN lrs.enrolments e ON e.user_id = us.user_id AND e.course_id = cs.course_id
    JOIN lrs.courses c ON c.id = e.course_id
    WHERE us.acquired_on BETWEEN @yearFrom AND @asOf
      AND coalesce(e.enrolled_on, c.starts_on) <= us.acquired_on
    GROUP BY us.user_id, us.skill_id, us.acquired_on
), summary AS (
    SELECT count(DISTINCT t.user_id) AS people,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days) AS median_days
    FROM timed t
)
SELECT CASE WHEN s.people >= @minGroupSize THEN s.people::integer END AS People,
       CASE WHEN s.people >= @minGroupSize THEN s.median_days END AS MedianDays
FROM summary s;
