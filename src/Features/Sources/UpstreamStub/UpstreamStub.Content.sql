-- Content Studio `GET /organizations/{orgId}/content` from lrs.content_items of the organisation's courses (SOURCES.md §3.3):
-- topic_id as moduleId, source_type as sourceType, duration_s as durationSeconds.
WITH courses_in_scope AS (
    -- The organisation's courses and the platform courses its learners are enrolled in.
    SELECT c.id
    FROM lrs.courses c
    WHERE c.organisation_id = @organisationId
       OR (c.organisation_id IS NULL
           AND EXISTS (SELECT 1
                       FROM lrs.enrolments e
                       JOIN lrs.users u ON u.id = e.user_id
                       WHERE e.course_id = c.id AND u.organisation_id = @organisationId))
), page AS (
    SELECT ci.id, ci.course_id, ci.topic_id, ci.title, ci.type, ci.source_type, ci.creation_method, ci.duration_s, k.updated_at, k.sort_key
    FROM courses_in_scope s
    JOIN lrs.content_items ci ON ci.course_id = s.id
    CROSS JOIN LATERAL (SELECT ci.synced_at AS updated_at, ci.id::text COLLATE "C" AS sort_key) k
    WHERE (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'courseId', p.course_id,
           'moduleId', p.topic_id,
           'title', p.title,
           'type', p.type,
           'sourceType', p.source_type,
           'creationMethod', p.creation_method,
           'durationSeconds', p.duration_s,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
