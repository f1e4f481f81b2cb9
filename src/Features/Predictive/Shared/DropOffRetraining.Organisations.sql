-- The organisations a retrain covers: one (@organisationId) or every organisation with learners.
SELECT o.id
FROM lrs.organisations o
WHERE (@organisationId::text IS NULL OR o.id = @organisationId::text)
  AND EXISTS (SELECT 1 FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner' WHERE u.organisation_id = o.id)
ORDER BY o.id;
