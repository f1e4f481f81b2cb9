-- Content Studio `GET /organizations/{orgId}/contributions` from lrs.content_contributions of the organisation's learners
-- (SOURCES.md §3.3); the key is (user, content, kind, at).
WITH page AS (
    SELECT c.user_id, c.content_item_id, c.kind, c.at, k.updated_at, k.sort_key
    FROM lrs.content_contributions c
    JOIN lrs.users u ON u.id = c.user_id
    CROSS JOIN LATERAL (SELECT c.synced_at AS updated_at,
                               (c.user_id || '|' || c.content_item_id || '|' || c.kind || '|' || to_char(c.at, 'YYYYMMDDHH24MISSUS'))::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'userId', p.user_id,
           'contentId', p.content_item_id,
           'kind', p.kind,
           'at', p.at,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
