-- The learners whose points, streaks and badges a recompute rebuilds: every user with the learner role, of one organisation
-- (@organisationId) or of all (NULL). Only learner activity earns points (ANALYTICS.md §6.1).
SELECT u.id AS UserId, u.organisation_id AS OrganisationId
FROM lrs.users u
WHERE (@organisationId::text IS NULL OR u.organisation_id = @organisationId::text)
  AND EXISTS (SELECT 1 FROM lrs.user_roles r WHERE r.user_id = u.id AND r.role = 'learner')
ORDER BY u.organisation_id, u.id;
