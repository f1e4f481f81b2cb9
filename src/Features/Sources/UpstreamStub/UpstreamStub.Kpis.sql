-- Directory `GET /organizations/{orgId}/kpis` from lrs.kpis (SOURCES.md §3.3).
WITH page AS (
    SELECT t.id, t.name, t.unit, t.target, t.value, t.weight, t.period, k.updated_at, k.sort_key
    FROM lrs.kpis t
    CROSS JOIN LATERAL (SELECT t.synced_at AS updated_at, t.id::text COLLATE "C" AS sort_key) k
    WHERE t.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'name', p.name,
           'unit', p.unit,
           'target', p.target,
           'value', p.value,
           'weight', p.weight,
           'period', p.period,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
