-- Full reconcile: the organisation's upstream skill targets the listing did not return are gone upstream.
DELETE FROM lrs.skill_targets t
WHERE t.organisation_id = @organisationId
  AND t.source = @source
  AND NOT EXISTS (SELECT 1 FROM unnest(@seen::text[]) AS s (key) WHERE s.key = t.id);
