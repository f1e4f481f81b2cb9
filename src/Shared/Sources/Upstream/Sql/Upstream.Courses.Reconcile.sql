-- Full reconcile: the organisation's upstream courses the listing did not return are gone upstream (their rows cascade).
-- Platform-wide courses (no organisation) are listed by several organisations and are not reconciled.
DELETE FROM lrs.courses t
WHERE t.organisation_id = @organisationId
  AND t.source = @source
  AND NOT (t.id = ANY(@seen));
