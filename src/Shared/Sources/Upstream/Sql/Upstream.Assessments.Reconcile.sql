-- Full reconcile: the upstream assessments of the organisation's courses that the listing did not return are gone upstream.
DELETE FROM lrs.assessments t
USING lrs.courses c
WHERE c.id = t.course_id
  AND c.organisation_id = @organisationId
  AND t.source = @source
  AND NOT (t.id = ANY(@seen));
