-- Skills Engine `GET /organizations/{orgId}/user-skills` from lrs.user_skills of the organisation's learners, the inverse of
-- SOURCES.md §3.3: level 0–4 as Missing, Beginner, Intermediate, Advanced, Expert; acquired_on as acquiredOn (the store keeps
-- no instant, so acquiredAt is null); method as acquisitionMethod. The key is (user, skill).
WITH page AS (
    SELECT us.user_id, us.skill_id, us.level, us.acquired, us.acquired_on, us.method, k.updated_at, k.sort_key
    FROM lrs.user_skills us
    JOIN lrs.users u ON u.id = us.user_id
    CROSS JOIN LATERAL (SELECT us.synced_at AS updated_at, (us.user_id || '|' || us.skill_id)::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'userId', p.user_id,
           'skillId', p.skill_id,
           'level', (ARRAY['Missing', 'Beginner', 'Intermediate', 'Advanced', 'Expert'])[p.level + 1],
           'acquired', p.acquired,
           'acquiredAt', NULL,
           'acquiredOn', p.acquired_on,
           'acquisitionMethod', p.method,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
