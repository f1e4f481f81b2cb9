-- Full reconcile: the upstream enrolments of the organisation's people that the listing did not return are gone upstream.
DELETE FROM lrs.enrolments t
USING lrs.users u
WHERE u.id = t.user_id
  AND u.organisation_id = @organisationId
  AND t.source = @source
  AND NOT (t.id = ANY(@seen));
