-- The person to erase, locked for the erasure's transaction (a second erasure running at once waits, then finds nobody).
SELECT u.id AS Id, u.organisation_id AS OrganisationId, u.email AS Email
FROM lrs.users u
WHERE u.id = @userId
FOR UPDATE
