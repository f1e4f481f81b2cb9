-- RAG Assistant `GET /organizations/{orgId}/help-requests` from lrs.help_requests of the organisation's learners (metadata
-- only, SOURCES.md §3.3).
WITH page AS (
    SELECT h.id, h.user_id, h.course_id, h.asked_at, k.updated_at, k.sort_key
    FROM lrs.help_requests h
    JOIN lrs.users u ON u.id = h.user_id
    CROSS JOIN LATERAL (SELECT h.synced_at AS updated_at, h.id::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'userId', p.user_id,
           'courseId', p.course_id,
           'askedAt', p.asked_at,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
