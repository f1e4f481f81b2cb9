-- Drops the organisation's member facts (the rows go with their set) and opens the new set; MemberFacts.Compute fills it and
-- the caller records its size, all in one transaction, so a reader sees the old set or the new one, never a mix.
DELETE FROM analytics.member_fact_sets WHERE organisation_id = @organisationId;

INSERT INTO analytics.member_fact_sets (organisation_id, as_of, definition_version, inputs_hash, members, computed_at, compute_ms)
VALUES (@organisationId, @asOf, @definitionVersion, @inputsHash, 0, now(), 0);
