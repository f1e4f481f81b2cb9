-- Directory `GET /organizations/{orgId}/mentoring` from lrs.mentoring_links of the organisation's mentees (SOURCES.md §3.3).
-- The store keys a link by (mentor, mentee, started_on) and keeps no id: the item's id is made of that key.
WITH page AS (
    SELECT m.mentor_id, m.mentee_id, m.started_on, m.ended_on, k.updated_at, k.sort_key
    FROM lrs.mentoring_links m
    JOIN lrs.users u ON u.id = m.mentee_id
    CROSS JOIN LATERAL (SELECT m.synced_at AS updated_at,
                               ('m-' || m.mentor_id || '-' || m.mentee_id || '-' || to_char(m.started_on, 'YYYYMMDD'))::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.sort_key,
           'mentorId', p.mentor_id,
           'menteeId', p.mentee_id,
           'startedOn', p.started_on,
           'endedOn', p.ended_on,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
