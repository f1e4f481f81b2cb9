-- The facts an access token carries, read from the store at login and at every refresh (API.md §2.4).
SELECT u.id AS Id,
       u.email AS Email,
       u.display_name AS DisplayName,
       coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS Roles,
       u.organisation_id AS OrganisationId,
       u.department_id AS DepartmentId,
       coalesce(u.time_zone, o.time_zone) AS TimeZone
FROM lrs.users u
JOIN lrs.organisations o ON o.id = u.organisation_id
LEFT JOIN lrs.user_roles r ON r.user_id = u.id
WHERE u.id = @userId AND u.active
GROUP BY u.id, o.time_zone
