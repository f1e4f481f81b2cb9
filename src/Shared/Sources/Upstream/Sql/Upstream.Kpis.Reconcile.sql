-- Full reconcile: the organisation's upstream KPIs the listing did not return are gone upstream.
DELETE FROM lrs.kpis t
WHERE t.organisation_id = @organisationId
  AND t.source = @source
  AND NOT EXISTS (SELECT 1 FROM unnest(@seen::text[]) AS s (key) WHERE s.key = t.id);
