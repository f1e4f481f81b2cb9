-- Full reconcile: the organisation's upstream departments the listing did not return are gone upstream.
DELETE FROM lrs.departments t
WHERE t.organisation_id = @organisationId
  AND t.source = @source
  AND NOT (t.id = ANY(@seen));
