-- The reader's gaps (for the third market insight): a learner's target skills above their level (a department target overrides
-- the organisation-wide one), or the skills of an organisation's targets that at least one learner of the target's population
-- has not reached.
WITH reader AS (
    SELECT u.id, u.organisation_id, u.department_id
    FROM lrs.users u
    WHERE u.id = @readerId::text
), learner_targets AS (
    SELECT DISTINCT ON (st.skill_id) st.skill_id, st.required_level
    FROM lrs.skill_targets st
    JOIN reader r ON r.organisation_id = st.organisation_id
    WHERE st.department_id IS NULL OR st.department_id = r.department_id
    ORDER BY st.skill_id, st.department_id NULLS LAST, st.required_level DESC
)
SELECT lt.skill_id
FROM learner_targets lt
LEFT JOIN lrs.user_skills us ON us.user_id = @readerId::text AND us.skill_id = lt.skill_id
WHERE coalesce(us.level, 0) < lt.required_level
UNION
SELECT st.skill_id
FROM lrs.skill_targets st
WHERE st.organisation_id = @readerOrganisationId::text
  AND EXISTS (SELECT 1
              FROM lrs.users u
              JOIN lrs.user_roles ur ON ur.user_id = u.id AND ur.role = 'learner'
              LEFT JOIN lrs.user_skills us ON us.user_id = u.id AND us.skill_id = st.skill_id
              WHERE u.organisation_id = st.organisation_id
                AND (st.department_id IS NULL OR u.department_id = st.department_id)
                AND coalesce(us.level, 0) < st.required_level);
