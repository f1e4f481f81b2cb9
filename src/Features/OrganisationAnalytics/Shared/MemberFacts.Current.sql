-- Whether the organisation's member facts were computed for this asOf from the same inputs (MemberFacts.EnsureAsync).
SELECT EXISTS (SELECT 1
               FROM analytics.member_fact_sets s
               WHERE s.organisation_id = @organisationId
                 AND s.as_of = @asOf
                 AND s.inputs_hash = @inputsHash);
