-- Course Builder `GET /organizations/{orgId}/course-feedback` from lrs.feedback of the organisation's learners (SOURCES.md §3.3).
WITH page AS (
    SELECT f.id, f.course_id, f.user_id, f.rating, f.comment, f.submitted_at, k.updated_at, k.sort_key
    FROM lrs.feedback f
    JOIN lrs.users u ON u.id = f.user_id
    CROSS JOIN LATERAL (SELECT f.synced_at AS updated_at, f.id::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'courseId', p.course_id,
           'userId', p.user_id,
           'rating', p.rating,
           'comment', p.comment,
           'submittedAt', p.submitted_at,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
