-- The upstream source and what it provides for each synchronised organisation: only the tables of configured services (SOURCES.md §1.4).
WITH source AS (
    INSERT INTO ops.sources (name, kind, provides, description, registered_at, last_loaded_at)
    VALUES (@source, 'upstream', @provides, 'The nine platform services over HTTP (SOURCES.md §3)', @now, @now)
    ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, provides = excluded.provides, last_loaded_at = excluded.last_loaded_at
    RETURNING name
)
INSERT INTO ops.organisation_sources (organisation_id, source, provides)
SELECT o.id, (SELECT name FROM source), @provides
FROM lrs.organisations o
WHERE o.id = ANY(@organisations)
ON CONFLICT (organisation_id, source) DO UPDATE SET provides = excluded.provides;
