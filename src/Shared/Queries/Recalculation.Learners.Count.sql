SELECT count(*)::integer
FROM lrs.user_roles r
WHERE r.role = 'learner'
  AND (@organisationId::text IS NULL
       OR EXISTS (SELECT 1 FROM lrs.users u WHERE u.id = r.user_id AND u.organisation_id = @organisationId));
