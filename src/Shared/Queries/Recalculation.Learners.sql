-- The next learners of a recalculation in keyset order (ix_user_roles_role_user), optionally of one organisation.
SELECT r.user_id
FROM lrs.user_roles r
WHERE r.role = 'learner'
  AND r.user_id > @after
  AND (@organisationId::text IS NULL
       OR EXISTS (SELECT 1 FROM lrs.users u WHERE u.id = r.user_id AND u.organisation_id = @organisationId))
ORDER BY r.user_id
LIMIT @limit;
