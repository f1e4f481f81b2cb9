-- One computation of an organisation's member facts at a time (held until the transaction ends); a reader that waited here
-- checks MemberFacts.Current again and finds the set the other one wrote.
SELECT pg_advisory_xact_lock(hashtextextended('member-facts:' || @organisationId, 0));
