-- Skills Engine `GET /skills` (platform) from lrs.skills with the complete set of lrs.skill_prerequisites (SOURCES.md §3.3):
-- market_demand as marketDemand. A change of a prerequisite updates the skill.
WITH page AS (
    SELECT s.id, s.name, s.category, s.market_demand, k.updated_at, k.sort_key
    FROM lrs.skills s
    LEFT JOIN (SELECT sp.skill_id, max(sp.synced_at) AS synced_at FROM lrs.skill_prerequisites sp GROUP BY sp.skill_id) sp
        ON sp.skill_id = s.id
    CROSS JOIN LATERAL (SELECT greatest(s.synced_at, sp.synced_at) AS updated_at, s.id::text COLLATE "C" AS sort_key) k
    WHERE (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'name', p.name,
           'category', p.category,
           'marketDemand', p.market_demand,
           'prerequisites', coalesce((SELECT json_agg(sp.requires_skill_id ORDER BY sp.requires_skill_id)
                                      FROM lrs.skill_prerequisites sp
                                      WHERE sp.skill_id = p.id), '[]'::json),
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
