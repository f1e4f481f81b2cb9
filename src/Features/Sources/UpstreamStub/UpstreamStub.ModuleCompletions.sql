-- Course Builder `GET /organizations/{orgId}/module-completions` from lrs.topic_completions of the organisation's learners
-- (SOURCES.md §3.3); the key is (user, topic).
WITH page AS (
    SELECT tc.user_id, tc.topic_id, tc.completed_at, k.updated_at, k.sort_key
    FROM lrs.topic_completions tc
    JOIN lrs.users u ON u.id = tc.user_id
    CROSS JOIN LATERAL (SELECT tc.synced_at AS updated_at, (tc.user_id || '|' || tc.topic_id)::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'userId', p.user_id,
           'moduleId', p.topic_id,
           'completedAt', p.completed_at,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
