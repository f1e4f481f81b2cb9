-- Directory `GET /organizations` (platform) from lrs.organisations, the inverse of SOURCES.md §3.3: `settings` is the stored
-- settings plus `timezone` (time_zone), which the sync takes back out.
WITH page AS (
    SELECT o.id, o.name, o.time_zone, o.settings, k.updated_at, k.sort_key
    FROM lrs.organisations o
    CROSS JOIN LATERAL (SELECT o.synced_at AS updated_at, o.id::text COLLATE "C" AS sort_key) k
    WHERE (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'name', p.name,
           'settings', p.settings || jsonb_build_object('timezone', p.time_zone),
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
