-- The entity kinds the caller's organisation's sources supply (ops.organisation_sources.provides, SOURCES.md §1.4).
SELECT DISTINCT unnest(os.provides) AS kind
FROM ops.organisation_sources os
WHERE os.organisation_id = @organisationId
