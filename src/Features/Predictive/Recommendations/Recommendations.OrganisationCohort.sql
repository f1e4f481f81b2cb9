-- The members of an organisation cohort (API.md §3.2: every learner of the organisation; @organisationId), read after
-- Subject.Organisation and Recommendations.Settings.
SELECT u.id AS UserId
FROM lrs.users u
JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
WHERE u.organisation_id = @organisationId
ORDER BY u.id;
