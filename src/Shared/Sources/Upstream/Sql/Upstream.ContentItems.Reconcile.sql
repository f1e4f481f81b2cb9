-- Full reconcile: the upstream content items of the organisation's courses that the listing did not return are gone upstream.
DELETE FROM lrs.content_items t
USING lrs.courses c
WHERE c.id = t.course_id
  AND c.organisation_id = @organisationId
  AND t.source = @source
  AND NOT (t.id = ANY(@seen));
