-- The owner as they stand now, to authorise a run under the schedule's stored active role.
SELECT u.id AS UserId, u.email AS Email, u.display_name AS Name, u.organisation_id AS OrganisationId,
       u.department_id AS DepartmentId, u.active AS Active, u.time_zone AS TimeZone,
       ARRAY(SELECT r.role FROM lrs.user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS Roles
FROM lrs.users u
WHERE u.id = @ownerId;
