-- Course Builder `GET /organizations/{orgId}/courses` from lrs.courses with the complete sets of lrs.course_trainers
-- (trainerIds) and lrs.topics (modules, by position), the inverse of SOURCES.md §3.3. A change of a trainer or a module
-- updates the course.
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
    SELECT c.id, c.organisation_id, c.title, c.category, c.starts_on, c.ends_on, c.length_days, c.attributes, k.updated_at, k.sort_key
    FROM courses_in_scope s
    JOIN lrs.courses c ON c.id = s.id
    LEFT JOIN (SELECT ct.course_id, max(ct.synced_at) AS synced_at FROM lrs.course_trainers ct GROUP BY ct.course_id) ct
        ON ct.course_id = c.id
    LEFT JOIN (SELECT t.course_id, max(t.synced_at) AS synced_at FROM lrs.topics t GROUP BY t.course_id) t
        ON t.course_id = c.id
    CROSS JOIN LATERAL (SELECT greatest(c.synced_at, ct.synced_at, t.synced_at) AS updated_at, c.id::text COLLATE "C" AS sort_key) k
    WHERE (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'organizationId', p.organisation_id,
           'title', p.title,
           'category', p.category,
           'startsOn', p.starts_on,
           'endsOn', p.ends_on,
           'lengthDays', p.length_days,
           'trainerIds', coalesce((SELECT json_agg(ct.user_id ORDER BY ct.user_id)
                                   FROM lrs.course_trainers ct
                                   WHERE ct.course_id = p.id), '[]'::json),
           'modules', coalesce((SELECT json_agg(json_build_object('id', t.id, 'title', t.title, 'position', t.position)
                                                ORDER BY t.position, t.id)
                                FROM lrs.topics t
                                WHERE t.course_id = p.id), '[]'::json),
           'attributes', p.attributes,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
