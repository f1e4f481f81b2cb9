-- Full reconcile: the organisation's upstream users the listing did not return are gone upstream (their rows cascade).
DELETE FROM lrs.users t
WHERE t.organisation_id = @organisationId
  AND t.source = @source
  AND NOT (t.id = ANY(@seen));
