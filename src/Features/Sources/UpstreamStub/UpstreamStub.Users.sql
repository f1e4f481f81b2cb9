-- Directory `GET /organizations/{orgId}/users` from lrs.users and lrs.user_roles, the inverse of SOURCES.md §3.3: display_name
-- split at its first space into firstName and lastName (the sync joins them with one space), the complete set of roles with
-- org-admin sent as `org_admin`, time_zone as profile.timezone, active as isActive. A change of a role updates the user.
WITH roles AS (
    SELECT r.user_id, max(r.synced_at) AS synced_at
    FROM lrs.user_roles r
    JOIN lrs.users u ON u.id = r.user_id
    WHERE u.organisation_id = @organisationId
    GROUP BY r.user_id
), page AS (
    SELECT u.id, u.email, u.display_name, u.department_id, u.time_zone, u.active, u.created_at, k.updated_at, k.sort_key
    FROM lrs.users u
    LEFT JOIN roles r ON r.user_id = u.id
    CROSS JOIN LATERAL (SELECT greatest(u.synced_at, r.synced_at) AS updated_at, u.id::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'email', p.email,
           'firstName', split_part(p.display_name, ' ', 1),
           'lastName', CASE WHEN strpos(p.display_name, ' ') > 0 THEN substr(p.display_name, strpos(p.display_name, ' ') + 1) END,
           'departmentId', p.department_id,
           'roles', coalesce((SELECT json_agg(CASE r.role WHEN 'org-admin' THEN 'org_admin' ELSE r.role END ORDER BY r.role)
                              FROM lrs.user_roles r
                              WHERE r.user_id = p.id), '[]'::json),
           'profile', json_build_object('timezone', p.time_zone),
           'isActive', p.active,
           'createdAt', p.created_at,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
