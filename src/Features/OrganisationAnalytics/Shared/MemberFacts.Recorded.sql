-- The size and cost of the set MemberFacts.Compute just filled (operators read them; same transaction).
UPDATE analytics.member_fact_sets
SET members = @members,
    compute_ms = @computeMs
WHERE organisation_id = @organisationId;
