-- Organisation performance of one organisation (ANALYTICS.md §3.4) in one set-based statement, with every window as a constant
-- so the monthly partitions of activity_days are pruned: @asOf and @prevAsOf = asOf − 90 (the trend's earlier point), each with
-- its 30-day activity window (@activeFrom, @prevActiveFrom), 90-day skill window (@skillFrom, @prevSkillFrom) and 365-day
-- enrolment window (@yearFrom, @prevYearFrom).
-- One row for the organisation (IsOrganisation) and one per department with members (GROUPING SETS over the members' facts):
-- employees; learners active in 30 days (an activity day of §0.4) and those of them who acquired a skill in 90 days; finished
-- and completed enrolments of 365 days; the mean engagement of the members' learner snapshots (read after LearnerSnapshotInputs
-- stored the missing ones). The organisation row also carries the median days from enrolment in a course teaching a skill to
-- acquiring it (acquisitions of 365 days) and the (employee, target skill) pairs unmet now and 90 days earlier, a pair counting
-- as met from acquired_on (skill-gap's rule picks the governing target; pairs are counted per department). k is enforced here: a group below k keeps only its
-- name and the suppressed flag, and each figure whose own base (active learners, people with finished enrolments, members with
-- an engagement value, people with acquisitions or pairs) is below k is null. The handler checks k again.

WITH members AS (
    SELECT u.id AS user_id, u.department_id, coalesce(u.time_zone, @zone) AS zone
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE u.organisation_id = @organisationId
), activity_rows AS (
    -- activity days of the two 30-day windows, aggregated per person before any join (members are matched in facts);
    -- timestamps are dated in the learner's zone
    SELECT a.user_id, a.day
    FROM lrs.activity_days a
    WHERE (a.day BETWEEN @activeFrom AND @asOf OR a.day BETWEEN @prevActiveFrom AND @prevAsOf) AND a.events > 0
    UNION ALL
    SELECT s.user_id, s.submitted_on
    FROM lrs.submissions s
    WHERE s.submitted_on BETWEEN @activeFrom AND @asOf OR s.submitted_on BETWEEN @prevActiveFrom AND @prevAsOf
    UNION ALL
    SELECT tc.user_id, (tc.completed_at AT TIME ZONE m.zone)::date
    FROM lrs.topic_completions tc
    JOIN members m ON m.user_id = tc.user_id
    WHERE tc.completed_at >= @windowStart AND tc.completed_at < @windowEnd
    UNION ALL
    SELECT ps.user_id, (ps.started_at AT TIME ZONE m.zone)::date
    FROM lrs.practice_sessions ps
    JOIN members m ON m.user_id = ps.user_id
    WHERE ps.started_at >= @windowStart AND ps.started_at < @windowEnd
), activity AS (
    SELECT x.user_id,
           bool_or(x.day BETWEEN @activeFrom AND @asOf) AS active_now,
           bool_or(x.day BETWEEN @prevActiveFrom AND @prevAsOf) AS active_prev
    FROM activity_rows x
    GROUP BY x.user_id
), acquisitions AS (
    SELECT us.user_id,
           bool_or(us.acquired_on BETWEEN @skillFrom AND @asOf) AS acquired_now,
           bool_or(us.acquired_on BETWEEN @prevSkillFrom AND @prevAsOf) AS acquired_prev
    FROM lrs.user_skills us
    JOIN members m ON m.user_id = us.user_id
    WHERE us.acquired AND us.acquired_on BETWEEN @prevSkillFrom AND @asOf
    GROUP BY us.user_id
), finished AS (
    SELECT e.user_id,
           count(*) FILTER (WHERE least(e.completed_on, e.withdrawn_on) BETWEEN @yearFrom AND @asOf)::integer AS finished_now,
           count(*) FILTER (WHERE least(e.completed_on, e.withdrawn_on) BETWEEN @yearFrom AND @asOf
                              AND e.completed_on = least(e.completed_on, e.withdrawn_on))::integer AS completed_now,
           count(*) FILTER (WHERE least(e.completed_on, e.withdrawn_on) BETWEEN @prevYearFrom AND @prevAsOf)::integer AS finished_prev,
           count(*) FILTER (WHERE least(e.completed_on, e.withdrawn_on) BETWEEN @prevYearFrom AND @prevAsOf
                              AND e.completed_on = least(e.completed_on, e.withdrawn_on))::integer AS completed_prev
    FROM lrs.enrolments e
    JOIN members m ON m.user_id = e.user_id
    WHERE least(e.completed_on, e.withdrawn_on) BETWEEN @prevYearFrom AND @asOf
    GROUP BY e.user_id
), engagement AS MATERIALIZED (
    -- the value read from each payload before any join (members are matched in facts), so no payload is hashed
    SELECT s.subject_id AS user_id, (s.payload ->> 'overallEngagement')::double precision AS engagement
    FROM analytics.analytics_snapshots s
    WHERE s.organisation_id = @organisationId  -- ix_analytics_snapshots_org_analytic: only this organisation's snapshots
      AND s.analytic = 'engagement' AND s.subject_type = 'learner' AND s.role = 'learner'
), facts AS (
    SELECT m.department_id,
           coalesce(a.active_now, false) AS active_now,
           coalesce(a.active_prev, false) AS active_prev,
           coalesce(q.acquired_now, false) AS acquired_now,
           coalesce(q.acquired_prev, false) AS acquired_prev,
           coalesce(f.finished_now, 0) AS finished_now,
           coalesce(f.completed_now, 0) AS completed_now,
           coalesce(f.finished_prev, 0) AS finished_prev,
           coalesce(f.completed_prev, 0) AS completed_prev,
           g.engagement
    FROM members m
    LEFT JOIN activity a ON a.user_id = m.user_id
    LEFT JOIN acquisitions q ON q.user_id = m.user_id
    LEFT JOIN finished f ON f.user_id = m.user_id
    LEFT JOIN engagement g ON g.user_id = m.user_id
), grouped AS (
    SELECT GROUPING(f.department_id) = 1 AS is_organisation,
           f.department_id,
           count(*)::integer AS employees,
           count(*) FILTER (WHERE f.active_now)::integer AS active_now,
           count(*) FILTER (WHERE f.active_now AND f.acquired_now)::integer AS active_acquired_now,
           count(*) FILTER (WHERE f.active_prev)::integer AS active_prev,
           count(*) FILTER (WHERE f.active_prev AND f.acquired_prev)::integer AS active_acquired_prev,
           count(*) FILTER (WHERE f.finished_now > 0)::integer AS finishers_now,
           sum(f.finished_now)::integer AS finished_now,
           sum(f.completed_now)::integer AS completed_now,
           count(*) FILTER (WHERE f.finished_prev > 0)::integer AS finishers_prev,
           sum(f.finished_prev)::integer AS finished_prev,
           sum(f.completed_prev)::integer AS completed_prev,
           count(f.engagement)::integer AS engaged,
           avg(f.engagement) AS engagement
    FROM facts f
    GROUP BY GROUPING SETS ((f.department_id), ())
), skill_times AS (
    SELECT us.user_id, us.acquired_on - max(e.enrolled_on) AS days
    FROM members m
    JOIN lrs.user_skills us ON us.user_id = m.user_id
    JOIN lrs.course_skills cs ON cs.skill_id = us.skill_id
    JOIN lrs.enrolments e ON e.user_id = us.user_id AND e.course_id = cs.course_id
    WHERE us.acquired AND us.acquired_on BETWEEN @yearFrom AND @asOf AND e.enrolled_on <= us.acquired_on
    GROUP BY us.user_id, us.skill_id, us.acquired_on
), time_to_skill AS (
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY st.days) AS median_days, count(DISTINCT st.user_id)::integer AS people
    FROM skill_times st
), targets AS (
    SELECT coalesce(st.department_id::text, '') AS dept, st.department_id IS NULL AS organisation_wide, st.skill_id, st.required_level
    FROM lrs.skill_targets st
    WHERE st.organisation_id = @organisationId
), member_departments AS (
    SELECT coalesce(m.department_id::text, '') AS dept, count(*)::integer AS employees
    FROM members m
    GROUP BY 1
), governing AS (
    -- per department, the target governing its members' pair of each skill (its own, else the organisation-wide one)
    SELECT d.dept, d.employees, t.skill_id, t.required_level
    FROM member_departments d
    JOIN targets t
      ON (NOT t.organisation_wide AND t.dept = d.dept)
      OR (t.organisation_wide
          AND NOT EXISTS (SELECT 1 FROM targets o WHERE NOT o.organisation_wide AND o.dept = d.dept AND o.skill_id = t.skill_id))
), member_skills AS MATERIALIZED (
    -- the levels (>= 1) members hold of target skills, joined before the departments' targets so no pair is ever expanded
    SELECT coalesce(m.department_id::text, '') AS dept, us.skill_id, us.level, us.acquired_on
    FROM members m
    JOIN lrs.user_skills us ON us.user_id = m.user_id
    WHERE us.level > 0
      AND us.skill_id IN (SELECT t.skill_id FROM targets t)
), met_pairs AS (
    -- pairs met now and 90 days earlier (a member without a row holds level 0)
    SELECT count(*) FILTER (WHERE ms.acquired_on IS NULL OR ms.acquired_on <= @asOf)::integer AS met_now,
           count(*) FILTER (WHERE ms.acquired_on IS NULL OR ms.acquired_on <= @prevAsOf)::integer AS met_prev
    FROM member_skills ms
    JOIN governing g ON g.dept = ms.dept AND g.skill_id = ms.skill_id AND ms.level >= g.required_level
), gap_pairs AS (
    SELECT coalesce(sum(g.employees), 0)::integer - mp.met_now AS unmet_now,
           coalesce(sum(g.employees), 0)::integer - mp.met_prev AS unmet_prev
    FROM met_pairs mp
    LEFT JOIN governing g ON true
    GROUP BY mp.met_now, mp.met_prev
), gap_people AS (
    SELECT coalesce(sum(d.employees), 0)::integer AS people
    FROM member_departments d
    WHERE EXISTS (SELECT 1 FROM governing g WHERE g.dept = d.dept)
)
SELECT g.is_organisation AS IsOrganisation,
       g.department_id AS DepartmentId,
       d.name AS DepartmentName,
       g.employees < @minGroupSize AS Suppressed,
       CASE WHEN g.employees >= @minGroupSize THEN g.employees END AS Employees,
       CASE WHEN g.employees >= @minGroupSize AND g.active_now >= @minGroupSize THEN g.active_now END AS ActiveNow,
       CASE WHEN g.employees >= @minGroupSize AND g.active_now >= @minGroupSize THEN g.active_acquired_now END AS ActiveAcquiredNow,
       CASE WHEN g.employees >= @minGroupSize AND g.active_prev >= @minGroupSize THEN g.active_prev END AS ActivePrev,
       CASE WHEN g.employees >= @minGroupSize AND g.active_prev >= @minGroupSize THEN g.active_acquired_prev END AS ActiveAcquiredPrev,
       CASE WHEN g.employees >= @minGroupSize AND g.finishers_now >= @minGroupSize THEN g.finished_now END AS FinishedNow,
       CASE WHEN g.employees >= @minGroupSize AND g.finishers_now >= @minGroupSize THEN g.completed_now END AS CompletedNow,
       CASE WHEN g.employees >= @minGroupSize AND g.finishers_prev >= @minGroupSize THEN g.finished_prev END AS FinishedPrev,
       CASE WHEN g.employees >= @minGroupSize AND g.finishers_prev >= @minGroupSize THEN g.completed_prev END AS CompletedPrev,
       CASE WHEN g.employees >= @minGroupSize AND g.engaged >= @minGroupSize THEN g.engagement END AS Engagement,
       CASE WHEN g.is_organisation AND g.employees >= @minGroupSize AND t.people >= @minGroupSize THEN t.median_days END AS MedianDaysToSkill,
       CASE WHEN g.is_organisation AND g.employees >= @minGroupSize AND gp.people >= @minGroupSize THEN p.unmet_now END AS UnmetPairsNow,
       CASE WHEN g.is_organisation AND g.employees >= @minGroupSize AND gp.people >= @minGroupSize THEN p.unmet_prev END AS UnmetPairsBefore
FROM grouped g
LEFT JOIN lrs.departments d ON d.id = g.department_id
CROSS JOIN time_to_skill t
CROSS JOIN gap_pairs p
CROSS JOIN gap_people gp
WHERE g.is_organisation OR g.department_id IS NOT NULL
ORDER BY g.is_organisation DESC, d.name, g.department_id;
