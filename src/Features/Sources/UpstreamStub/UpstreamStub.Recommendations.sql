-- Learner AI `GET /organizations/{orgId}/recommendations` from lrs.recommendations_feed: one item per learner of the
-- organisation holding the complete set of their provider 'learner-ai' rows (the sync replaces the set per learner; the
-- service's own 'rules' rows are not Learner AI's). generatedAt is the set's newest generated_at (one value per learner in
-- the demo store). The key is the learner.
WITH sets AS (
    SELECT r.user_id, max(r.generated_at) AS generated_at, max(r.synced_at) AS synced_at
    FROM lrs.recommendations_feed r
    JOIN lrs.users u ON u.id = r.user_id
    WHERE u.organisation_id = @organisationId
      AND r.provider = 'learner-ai'
    GROUP BY r.user_id
), page AS (
    SELECT s.user_id, s.generated_at, k.updated_at, k.sort_key
    FROM sets s
    CROSS JOIN LATERAL (SELECT s.synced_at AS updated_at, s.user_id::text COLLATE "C" AS sort_key) k
    WHERE (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'userId', p.user_id,
           'generatedAt', p.generated_at,
           'items', (SELECT json_agg(json_build_object('itemType', r.item_type, 'itemId', r.item_id, 'reason', r.reason, 'score', r.score)
                                     ORDER BY r.item_type, r.item_id)
                     FROM lrs.recommendations_feed r
                     WHERE r.user_id = p.user_id AND r.provider = 'learner-ai'),
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
