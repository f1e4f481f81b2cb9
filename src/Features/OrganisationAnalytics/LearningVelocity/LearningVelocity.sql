-- Organisational learning velocity (ANALYTICS.md §3.1) over the employees of @organisationId (users with role learner), or of
-- the department @departmentId, set-based over the organisation's member facts (MemberFacts made them current; one narrow row
-- per employee, windows counted back from asOf) in one round trip. k (@minGroupSize) is enforced here:
-- 1. one row for all employees and one per department, each only when it has at least k employees; every row carries the
--    number of the organisation's departments left out for being smaller, empty ones included (suppressed segments). No row at
--    all = the whole group is below k. Per employee: an activity day (§0.4) in the last 30 days and in the 30 days ending 90 days
--    earlier; skills acquired in the quarter; certifications (the proxy: enrolments completed in the quarter with result pass,
--    distinction or none); enrolments completed and finished in the last 90 days; the learner velocity snapshot's currentVelocity (#1);
-- 2. progress units (§0.4) first completed in the quarter to date, the two comparison periods and each of the last 12 months
--    (no row below k);
-- 3. the median days from the enrolment in a course teaching a skill to its acquisition, over the last 365 days.
WITH grouped AS (
    SELECT GROUPING(f.department_id) = 1 AS is_total,
           f.department_id,
           count(*) AS employees,
           count(*) FILTER (WHERE f.active_recent) AS active_now,
           count(*) FILTER (WHERE f.active_then) AS active_then,
           sum(f.skills_quarter) AS acquired,
           sum(f.certifications_quarter) AS certifications,
           sum(f.completed_ninety) AS completed,
           sum(f.finished_ninety) AS finished,
           count(*) FILTER (WHERE f.finished_ninety > 0) AS finished_people,
           count(f.velocity) AS velocity_people,
           avg(f.velocity) AS velocity_mean,
           count(*) FILTER (WHERE f.velocity >= 70) AS velocity_high,
           count(*) FILTER (WHERE f.velocity >= 30 AND f.velocity < 70) AS velocity_medium,
           count(*) FILTER (WHERE f.velocity < 30) AS velocity_low
    FROM analytics.member_facts f
    WHERE f.organisation_id = @organisationId
      AND (@departmentId::text IS NULL OR f.department_id = @departmentId::text)
    GROUP BY GROUPING SETS ((), (f.department_id))
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

SELECT sum(f.units_quarter)::integer AS Quarter,
       sum(f.units_previous_quarter)::integer AS PreviousQuarter,
       sum(f.units_last_year_quarter)::integer AS LastYearQuarter,
       ARRAY[sum(f.units_by_month[1]), sum(f.units_by_month[2]), sum(f.units_by_month[3]), sum(f.units_by_month[4]),
             sum(f.units_by_month[5]), sum(f.units_by_month[6]), sum(f.units_by_month[7]), sum(f.units_by_month[8]),
             sum(f.units_by_month[9]), sum(f.units_by_month[10]), sum(f.units_by_month[11]), sum(f.units_by_month[12])]::integer[] AS Months
FROM analytics.member_facts f
WHERE f.organisation_id = @organisationId
  AND (@departmentId::text IS NULL OR f.department_id = @departmentId::text)
HAVING count(*) >= @minGroupSize;

SELECT CASE WHEN count(DISTINCT f.user_id) >= @minGroupSize THEN count(DISTINCT f.user_id)::integer END AS People,
       CASE WHEN count(DISTINCT f.user_id) >= @minGroupSize THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days) END AS MedianDays
FROM analytics.member_facts f
CROSS JOIN LATERAL unnest(f.skill_days) AS t (days)
WHERE f.organisation_id = @organisationId
  AND (@departmentId::text IS NULL OR f.department_id = @departmentId::text);
