-- Full reconcile: the upstream practice sessions of the organisation's people that the listing did not return are gone upstream.
DELETE FROM lrs.practice_sessions t
USING lrs.users u
WHERE u.id = t.user_id
  AND u.organisation_id = @organisationId
  AND t.source = @source
  AND NOT EXISTS (SELECT 1 FROM unnest(@seen::text[]) AS s (key) WHERE s.key = t.id);
