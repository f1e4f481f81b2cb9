-- Auth `GET /organizations/{orgId}/sessions` from lrs.sessions of the organisation's learners, the inverse of SOURCES.md §3.3:
-- every stored session is a successful login, duration_s as durationSeconds, endedAt = startedAt + duration. The store keys a
-- session by (user, started_at) and keeps no id: the item's id is made of that key.
WITH page AS (
    SELECT s.user_id, s.started_at, s.duration_s, k.updated_at, k.sort_key
    FROM lrs.sessions s
    JOIN lrs.users u ON u.id = s.user_id
    CROSS JOIN LATERAL (SELECT s.synced_at AS updated_at,
                               ('s-' || s.user_id || '-' || to_char(s.started_at, 'YYYYMMDDHH24MISSUS'))::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.sort_key,
           'userId', p.user_id,
           'startedAt', p.started_at,
           'endedAt', p.started_at + make_interval(secs => p.duration_s),
           'durationSeconds', p.duration_s,
           'successful', TRUE,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
