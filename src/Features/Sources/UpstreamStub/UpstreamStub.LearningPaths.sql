-- Learner AI `GET /organizations/{orgId}/learning-paths` from lrs.learning_paths of the organisation's learners with the
-- complete ordered set of lrs.learning_path_topics as steps (order = position, moduleId = topic_id), SOURCES.md §3.3. A change
-- of a step updates the path.
WITH page AS (
    SELECT lp.id, lp.user_id, lp.title, lp.created_at, k.updated_at, k.sort_key
    FROM lrs.learning_paths lp
    JOIN lrs.users u ON u.id = lp.user_id
    LEFT JOIN (SELECT lpt.path_id, max(lpt.synced_at) AS synced_at FROM lrs.learning_path_topics lpt GROUP BY lpt.path_id) lpt
        ON lpt.path_id = lp.id
    CROSS JOIN LATERAL (SELECT greatest(lp.synced_at, lpt.synced_at) AS updated_at, lp.id::text COLLATE "C" AS sort_key) k
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
           'title', p.title,
           'createdAt', p.created_at,
           'steps', coalesce((SELECT json_agg(json_build_object('order', lpt.position, 'moduleId', lpt.topic_id) ORDER BY lpt.position)
                              FROM lrs.learning_path_topics lpt
                              WHERE lpt.path_id = p.id), '[]'::json),
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
