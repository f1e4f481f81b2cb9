-- Directory `GET /organizations/{orgId}/departments` from lrs.departments (SOURCES.md §3.3).
WITH page AS (
    SELECT d.id, d.name, k.updated_at, k.sort_key
    FROM lrs.departments d
    CROSS JOIN LATERAL (SELECT d.synced_at AS updated_at, d.id::text COLLATE "C" AS sort_key) k
    WHERE d.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'name', p.name,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
