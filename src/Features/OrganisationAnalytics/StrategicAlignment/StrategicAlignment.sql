-- Strategic alignment of one organisation, or of one department with @departmentId (ANALYTICS.md §3.2), in one set-based
-- statement. Employees = learners in scope. A pair is (employee, target skill): a department's own target of a skill governs
-- its members' pair, an organisation-wide target (department_id NULL) everyone else's, as in skill-gap (§1.2), so each pair
-- belongs to exactly one target and so to one goal (targets sharing a value proposition, compared case-insensitively; a target
-- without one is the goal of its skill). Levels are the current user_skills levels (no level history is kept).
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
    SELECT u.id AS user_id, u.department_id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE u.organisation_id = @organisationId
      AND (@departmentId::text IS NULL OR u.department_id = @departmentId)
), member_count AS (
    SELECT count(*)::integer AS employees
    FROM members
), targets AS (
    SELECT st.department_id,
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
), pairs AS (
    SELECT m.user_id, t.goal_key, t.goal_skill, t.value_proposition, t.skill_id, t.skill_name, t.required_level, t.priority_rank
    FROM members m
    JOIN targets t ON t.department_id = m.department_id
    UNION ALL
    SELECT m.user_id, t.goal_key, t.goal_skill, t.value_proposition, t.skill_id, t.skill_name, t.required_level, t.priority_rank
    FROM members m
    CROSS JOIN targets t
    WHERE t.department_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM targets d WHERE d.department_id = m.department_id AND d.skill_id = t.skill_id)
), levels AS (
    SELECT p.user_id, p.goal_key, p.goal_skill, p.value_proposition, p.skill_id, p.skill_name, p.required_level, p.priority_rank,
           coalesce(us.level, 0)::integer AS level
    FROM pairs p
    LEFT JOIN lrs.user_skills us ON us.user_id = p.user_id AND us.skill_id = p.skill_id
), goal_users AS (
    SELECT l.goal_key, l.goal_skill, l.user_id, bool_and(l.level >= l.required_level) AS on_track
    FROM levels l
    GROUP BY l.goal_key, l.goal_skill, l.user_id
), goals AS (
    SELECT g.goal_key, g.goal_skill, count(*)::integer AS population, count(*) FILTER (WHERE g.on_track)::integer AS on_track
    FROM goal_users g
    GROUP BY g.goal_key, g.goal_skill
), pair_people AS (
    -- the employees with at least one pair: every one when an organisation-wide target exists, else those of targeted departments
    SELECT count(*)::integer AS people
    FROM members m
    WHERE EXISTS (SELECT 1 FROM targets t WHERE t.department_id IS NULL OR t.department_id = m.department_id)
), goal_skills AS (
    SELECT l.goal_key, l.goal_skill, l.skill_id,
           min(l.value_proposition) AS goal_text,
           min(l.skill_name) AS skill_name,
           max(l.required_level) AS required_level,
           min(l.priority_rank) AS priority_rank,
           count(*)::integer AS pairs,
           count(*) FILTER (WHERE l.level >= l.required_level)::integer AS met,
           sum(least(1.0, l.level::numeric / l.required_level))::double precision AS progress,
           count(*) FILTER (WHERE l.required_level - l.level >= 2
                               OR (l.required_level - l.level = 1 AND l.priority_rank <= 2))::integer AS critical_gaps,
           count(*) FILTER (WHERE l.required_level - l.level = 1 AND l.priority_rank = 3)::integer AS medium_gaps,
           count(*) FILTER (WHERE l.required_level - l.level = 1 AND l.priority_rank = 4)::integer AS low_gaps
    FROM levels l
    GROUP BY l.goal_key, l.goal_skill, l.skill_id
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
