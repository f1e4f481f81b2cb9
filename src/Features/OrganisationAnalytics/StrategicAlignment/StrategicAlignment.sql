-- Strategic alignment of one organisation, or of one department with @departmentId (ANALYTICS.md §3.2), in one set-based
-- statement. Employees = learners in scope. A pair is (employee, target skill): a department's own target of a skill governs
-- its members' pair, an organisation-wide target (department_id NULL) everyone else's, as in skill-gap (§1.2), so each pair
-- belongs to exactly one target and so to one goal (targets sharing a value proposition, compared case-insensitively; a target
-- without one is the goal of its skill). Levels are the current user_skills levels (no level history is kept).
-- The pairs are counted per department (members by level of each target skill), so the only per-person rows are the skill
-- levels members hold; goal populations are sums of department sizes.
-- One row per (goal, skill) with the goal's figures, the skill's figures across goals, and the scope totals (repeated on each
-- row; a scope without targets still gets one row with a null goal). k is enforced here: nothing at all below k employees;
-- a goal (or skill) with fewer than k people keeps only its names and a suppressed flag; scope totals over fewer than k people
-- are null. The handler checks k again before anything is published.

WITH scope AS (
    SELECT coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of,
           greatest(@minGroupSize, coalesce((o.settings ->> 'minGroupSize')::integer, 0)) AS k
    FROM lrs.organisations o
    WHERE o.id = @organisationId
), members AS (
    SELECT u.id AS user_id, coalesce(u.department_id::text, '') AS dept
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE u.organisation_id = @organisationId
      AND (@departmentId::text IS NULL OR u.department_id = @departmentId)
), member_count AS (
    SELECT count(*)::integer AS employees
    FROM members
), departments AS (
    SELECT m.dept, count(*)::integer AS employees
    FROM members m
    GROUP BY m.dept
), targets AS (
    SELECT coalesce(st.department_id::text, '') AS dept,
           st.department_id IS NULL AS organisation_wide,
           st.skill_id,
           s.name AS skill_name,
           st.required_level::integer AS required_level,
           CASE st.business_priority WHEN 'critical' THEN 1 WHEN 'high' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END AS priority_rank,
           lower(st.value_proposition) AS goal_key,
           CASE WHEN st.value_proposition IS NULL THEN st.skill_id END AS goal_skill,
           st.value_proposition
    FROM lrs.skill_targets st
    JOIN lrs.skills s ON s.id = st.skill_id
    WHERE st.organisation_id = @organisationId
), governing AS (
    -- per department in scope (members without one under ''), the target governing its members' pair of each skill
    SELECT d.dept, d.employees, t.skill_id, t.skill_name, t.required_level, t.priority_rank, t.goal_key, t.goal_skill, t.value_proposition
    FROM departments d
    JOIN targets t
      ON (NOT t.organisation_wide AND t.dept = d.dept)
      OR (t.organisation_wide
          AND NOT EXISTS (SELECT 1 FROM targets o WHERE NOT o.organisation_wide AND o.dept = d.dept AND o.skill_id = t.skill_id))
), member_skills AS (
    -- the only per-person rows: the levels (>= 1) members hold of target skills; a member without a row holds level 0
    SELECT m.user_id, m.dept, us.skill_id, us.level::integer AS level
    FROM members m
    JOIN lrs.user_skills us ON us.user_id = m.user_id
    WHERE us.level > 0
      AND us.skill_id IN (SELECT t.skill_id FROM targets t)
), held AS (
    SELECT ms.dept, ms.skill_id, ms.level, count(*)::integer AS n
    FROM member_skills ms
    GROUP BY ms.dept, ms.skill_id, ms.level
), governed AS (
    -- per governing (department, target): its pairs, those that meet, Σ min(1, level/required), and the pairs one level short
    SELECT g.dept, g.skill_id, g.skill_name, g.required_level, g.priority_rank, g.goal_key, g.goal_skill, g.value_proposition,
           g.employees AS pairs,
           coalesce(sum(h.n) FILTER (WHERE h.level >= g.required_level), 0)::integer AS met,
           coalesce(sum(h.n * least(1.0, h.level::numeric / g.required_level)), 0)::double precision AS progress,
           CASE WHEN g.required_level = 1 THEN g.employees - coalesce(sum(h.n), 0)
                ELSE coalesce(sum(h.n) FILTER (WHERE h.level = g.required_level - 1), 0)
           END::integer AS gap_one
    FROM governing g
    LEFT JOIN held h ON h.dept = g.dept AND h.skill_id = g.skill_id
    GROUP BY g.dept, g.skill_id, g.skill_name, g.required_level, g.priority_rank, g.goal_key, g.goal_skill, g.value_proposition,
             g.employees
), goal_skills AS (
    SELECT gv.goal_key, gv.goal_skill, gv.skill_id,
           min(gv.value_proposition) AS goal_text,
           min(gv.skill_name) AS skill_name,
           max(gv.required_level) AS required_level,
           min(gv.priority_rank) AS priority_rank,
           sum(gv.pairs)::integer AS pairs,
           sum(gv.met)::integer AS met,
           sum(gv.progress)::double precision AS progress,
           -- critical: gap >= 2, or gap 1 with priority critical/high; medium and low: gap 1 with that priority
           sum(gv.pairs - gv.met - gv.gap_one + CASE WHEN gv.priority_rank <= 2 THEN gv.gap_one ELSE 0 END)::integer AS critical_gaps,
           sum(CASE WHEN gv.priority_rank = 3 THEN gv.gap_one ELSE 0 END)::integer AS medium_gaps,
           sum(CASE WHEN gv.priority_rank = 4 THEN gv.gap_one ELSE 0 END)::integer AS low_gaps
    FROM governed gv
    GROUP BY gv.goal_key, gv.goal_skill, gv.skill_id
), goal_departments AS (
    SELECT g.goal_key, g.goal_skill, g.dept, min(g.employees) AS employees, count(*)::integer AS skills
    FROM governing g
    GROUP BY g.goal_key, g.goal_skill, g.dept
), goal_sizes AS (
    SELECT gd.goal_key, gd.goal_skill, sum(gd.employees)::integer AS population
    FROM goal_departments gd
    GROUP BY gd.goal_key, gd.goal_skill
), on_track AS (
    -- members who meet every skill the goal's targets governing their department require
    SELECT x.goal_key, x.goal_skill, count(*)::integer AS on_track
    FROM (SELECT g.goal_key, g.goal_skill, ms.dept, ms.user_id, count(*) AS met_skills
          FROM member_skills ms
          JOIN governing g ON g.dept = ms.dept AND g.skill_id = ms.skill_id AND ms.level >= g.required_level
          GROUP BY g.goal_key, g.goal_skill, ms.dept, ms.user_id) AS x
    JOIN goal_departments gd
      ON gd.goal_key IS NOT DISTINCT FROM x.goal_key AND gd.goal_skill IS NOT DISTINCT FROM x.goal_skill AND gd.dept = x.dept
    WHERE x.met_skills = gd.skills
    GROUP BY x.goal_key, x.goal_skill
), goals AS (
    SELECT s.goal_key, s.goal_skill, s.population, coalesce(o.on_track, 0) AS on_track
    FROM goal_sizes s
    LEFT JOIN on_track o ON o.goal_key IS NOT DISTINCT FROM s.goal_key AND o.goal_skill IS NOT DISTINCT FROM s.goal_skill
), pair_people AS (
    -- the employees with at least one pair
    SELECT coalesce(sum(d.employees), 0)::integer AS people
    FROM departments d
    WHERE EXISTS (SELECT 1 FROM governing g WHERE g.dept = d.dept)
), goal_rows AS (
    SELECT gs.goal_key, gs.goal_skill, gs.goal_text, gs.skill_id, gs.skill_name, gs.required_level, gs.priority_rank,
           gs.pairs, gs.met, gs.progress, g.population, g.on_track,
           sum(gs.pairs) OVER (PARTITION BY gs.skill_id)::integer AS skill_population,
           sum(gs.pairs - gs.met) OVER (PARTITION BY gs.skill_id)::integer AS skill_short,
           min(gs.priority_rank) OVER (PARTITION BY gs.skill_id) AS skill_priority_rank,
           max(gs.required_level) OVER (PARTITION BY gs.skill_id) AS skill_required_level,
           sum(gs.pairs) OVER ()::integer AS total_pairs,
           sum(gs.met) OVER ()::integer AS total_met,
           sum(gs.critical_gaps) OVER ()::integer AS critical_gaps,
           sum(gs.medium_gaps) OVER ()::integer AS medium_gaps,
           sum(gs.low_gaps) OVER ()::integer AS low_gaps,
           EXISTS (SELECT 1
                   FROM lrs.course_skills cs
                   JOIN lrs.courses c ON c.id = cs.course_id
                   WHERE cs.skill_id = gs.skill_id
                     AND (c.organisation_id = @organisationId OR c.organisation_id IS NULL)) AS has_course
    FROM goal_skills gs
    JOIN goals g ON g.goal_key IS NOT DISTINCT FROM gs.goal_key AND g.goal_skill IS NOT DISTINCT FROM gs.goal_skill
), assigned AS (
    SELECT e.user_id, bool_and(e.completed_on IS NOT NULL AND e.completed_on <= s.as_of) AS all_completed
    FROM members m
    JOIN lrs.enrolments e ON e.user_id = m.user_id
    CROSS JOIN scope s
    WHERE e.kind = 'assigned' AND (e.enrolled_on IS NULL OR e.enrolled_on <= s.as_of)
    GROUP BY e.user_id
), compliance AS (
    SELECT count(*)::integer AS assigned_employees, count(*) FILTER (WHERE a.all_completed)::integer AS compliant_employees
    FROM assigned a
)
SELECT r.goal_key AS GoalKey,
       r.goal_skill AS GoalSkillId,
       r.goal_text AS GoalText,
       r.skill_id AS SkillId,
       r.skill_name AS SkillName,
       r.population < s.k AS GoalSuppressed,
       CASE WHEN r.population >= s.k THEN r.population END AS GoalPopulation,
       CASE WHEN r.population >= s.k THEN r.on_track END AS GoalOnTrack,
       CASE WHEN r.population >= s.k THEN r.required_level END AS RequiredLevel,
       CASE WHEN r.population >= s.k THEN r.pairs END AS Pairs,
       CASE WHEN r.population >= s.k THEN r.met END AS Met,
       CASE WHEN r.population >= s.k THEN r.progress END AS Progress,
       r.has_course AS HasCourse,
       r.skill_population < s.k AS SkillSuppressed,
       CASE WHEN r.skill_population >= s.k THEN r.skill_population END AS SkillPopulation,
       CASE WHEN r.skill_population >= s.k THEN r.skill_short END AS SkillShort,
       CASE WHEN r.skill_population >= s.k THEN
           CASE r.skill_priority_rank WHEN 1 THEN 'critical' WHEN 2 THEN 'high' WHEN 3 THEN 'medium' ELSE 'low' END
       END AS SkillPriority,
       CASE WHEN r.skill_population >= s.k THEN r.skill_required_level END AS SkillRequiredLevel,
       CASE WHEN pp.people >= s.k THEN r.total_pairs END AS TotalPairs,
       CASE WHEN pp.people >= s.k THEN r.total_met END AS TotalMet,
       CASE WHEN pp.people >= s.k THEN r.critical_gaps END AS CriticalGaps,
       CASE WHEN pp.people >= s.k THEN r.medium_gaps END AS MediumGaps,
       CASE WHEN pp.people >= s.k THEN r.low_gaps END AS LowGaps,
       CASE WHEN c.assigned_employees >= s.k THEN c.assigned_employees END AS AssignedEmployees,
       CASE WHEN c.assigned_employees >= s.k THEN c.compliant_employees END AS CompliantEmployees
FROM scope s
CROSS JOIN member_count mc
CROSS JOIN compliance c
CROSS JOIN pair_people pp
LEFT JOIN goal_rows r ON true
WHERE mc.employees >= s.k
ORDER BY r.goal_key, r.goal_skill, r.skill_name, r.skill_id;
