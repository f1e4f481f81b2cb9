-- DevLab `GET /organizations/{orgId}/practice-sessions` from lrs.practice_sessions of the organisation's learners, the inverse
-- of SOURCES.md §3.3: passed → status `passed`, else `failed`; topic_id as moduleId, score_pct as score.
WITH page AS (
    SELECT ps.id, ps.user_id, ps.topic_id, ps.skill_id, ps.started_at, ps.passed, ps.score_pct, ps.attempts, k.updated_at, k.sort_key
    FROM lrs.practice_sessions ps
    JOIN lrs.users u ON u.id = ps.user_id
    CROSS JOIN LATERAL (SELECT ps.synced_at AS updated_at, ps.id::text COLLATE "C" AS sort_key) k
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
           'moduleId', p.topic_id,
           'skillId', p.skill_id,
           'startedAt', p.started_at,
           'status', CASE WHEN p.passed THEN 'passed' ELSE 'failed' END,
           'score', p.score_pct,
           'attempts', p.attempts,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
