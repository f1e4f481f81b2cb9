-- The next trainers (people teaching at least one course) of a recalculation in keyset order (ix_course_trainers_user).
SELECT DISTINCT ct.user_id
FROM lrs.course_trainers ct
WHERE ct.user_id > @after
  AND (@organisationId::text IS NULL
       OR EXISTS (SELECT 1 FROM lrs.users u WHERE u.id = ct.user_id AND u.organisation_id = @organisationId))
ORDER BY ct.user_id
LIMIT @limit;
