-- The caller's profile as the store holds it.
SELECT u.email AS Email,
       u.display_name AS DisplayName,
       u.organisation_id AS OrganisationId,
       u.department_id AS DepartmentId,
       coalesce(u.time_zone, o.time_zone) AS TimeZone,
       u.last_login_at AS LastLoginAt
FROM lrs.users u
JOIN lrs.organisations o ON o.id = u.organisation_id
WHERE u.id = @userId
