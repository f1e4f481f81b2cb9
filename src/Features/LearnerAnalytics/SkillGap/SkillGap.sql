-- Skill-gap inputs for a set of learners (ANALYTICS.md §1.2; @userIds, one element for a single learner), read after
-- Subject.Users in the same round trip:
-- 1. per learner (rows end with UserId), the skill_targets rows that apply (org-wide or the learner's department) with the skill
--    and the learner's level;
-- 2. t per target skill of any learner of the set: the platform's (organisation, department) targets of that skill (one row each
--    by the unique key); a skill's count does not depend on who asks, so the handler hands each learner the counts of its own skills;
-- 3. the precedence proxy among the target skills of the set: A precedes B when some course teaches both (topic_skills) and A's
--    first topic position there is lower than B's. A pair depends only on its two skills, so the handler hands each learner the
--    pairs of its own target skills, which is what this statement returns for that learner alone.
SELECT st.skill_id AS SkillId,
       s.name AS Name,
       s.category AS Category,
       st.department_id IS NOT NULL AS DepartmentSpecific,
       st.required_level::integer AS RequiredLevel,
       st.business_priority AS BusinessPriority,
       us.level::integer AS CurrentLevel,
       u.id AS UserId
FROM lrs.users u
JOIN lrs.skill_targets st
  ON st.organisation_id = u.organisation_id AND (st.department_id IS NULL OR st.department_id = u.department_id)
JOIN lrs.skills s ON s.id = st.skill_id
LEFT JOIN lrs.user_skills us ON us.user_id = u.id AND us.skill_id = st.skill_id AND us.user_id = ANY (@userIds)
WHERE u.id = ANY (@userIds)
ORDER BY u.id, st.skill_id, st.department_id NULLS FIRST;

WITH target_skills AS (
    SELECT DISTINCT st.skill_id
    FROM lrs.users u
    JOIN lrs.skill_targets st
      ON st.organisation_id = u.organisation_id AND (st.department_id IS NULL OR st.department_id = u.department_id)
    WHERE u.id = ANY (@userIds)
)
SELECT st.skill_id AS SkillId, count(*)::integer AS Targets
FROM lrs.skill_targets st
WHERE st.skill_id IN (SELECT skill_id FROM target_skills)
GROUP BY st.skill_id;

WITH target_skills AS (
    SELECT DISTINCT st.skill_id
    FROM lrs.users u
    JOIN lrs.skill_targets st
      ON st.organisation_id = u.organisation_id AND (st.department_id IS NULL OR st.department_id = u.department_id)
    WHERE u.id = ANY (@userIds)
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
