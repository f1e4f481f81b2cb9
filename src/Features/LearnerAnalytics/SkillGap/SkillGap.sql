-- Skill-gap inputs for one learner (ANALYTICS.md §1.2), read after Subject.User in the same round trip:
-- 1. the skill_targets rows that apply to the learner (org-wide or the learner's department) with the skill and the learner's level;
-- 2. t per target skill: the platform's (organisation, department) targets of that skill (one row each by the unique key);
-- 3. the precedence proxy among the learner's target skills: A precedes B when some course teaches both (topic_skills) and A's
--    first topic position there is lower than B's.
WITH learner AS (
    SELECT u.id, u.organisation_id, u.department_id FROM lrs.users u WHERE u.id = @userId
)
SELECT st.skill_id AS SkillId,
       s.name AS Name,
       s.category AS Category,
       st.department_id IS NOT NULL AS DepartmentSpecific,
       st.required_level::integer AS RequiredLevel,
       st.business_priority AS BusinessPriority,
       us.level::integer AS CurrentLevel
FROM learner l
JOIN lrs.skill_targets st
  ON st.organisation_id = l.organisation_id AND (st.department_id IS NULL OR st.department_id = l.department_id)
JOIN lrs.skills s ON s.id = st.skill_id
LEFT JOIN lrs.user_skills us ON us.user_id = l.id AND us.skill_id = st.skill_id;

WITH learner AS (
    SELECT u.organisation_id, u.department_id FROM lrs.users u WHERE u.id = @userId
), target_skills AS (
    SELECT DISTINCT st.skill_id
    FROM learner l
    JOIN lrs.skill_targets st
      ON st.organisation_id = l.organisation_id AND (st.department_id IS NULL OR st.department_id = l.department_id)
)
SELECT st.skill_id AS SkillId, count(*)::integer AS Targets
FROM lrs.skill_targets st
WHERE st.skill_id IN (SELECT skill_id FROM target_skills)
GROUP BY st.skill_id;

WITH learner AS (
    SELECT u.organisation_id, u.department_id FROM lrs.users u WHERE u.id = @userId
), target_skills AS (
    SELECT DISTINCT st.skill_id
    FROM learner l
    JOIN lrs.skill_targets st
      ON st.organisation_id = l.organisation_id AND (st.department_id IS NULL OR st.department_id = l.department_id)
), first_positions AS (
    SELECT t.course_id, ts.skill_id, min(t.position) AS first_position
    FROM target_skills g
    JOIN lrs.topic_skills ts ON ts.skill_id = g.skill_id
    JOIN lrs.topics t ON t.id = ts.topic_id
    GROUP BY t.course_id, ts.skill_id
)
SELECT DISTINCT a.skill_id AS SkillId, b.skill_id AS PrecedesSkillId
FROM first_positions a
JOIN first_positions b ON b.course_id = a.course_id AND a.first_position < b.first_position;
