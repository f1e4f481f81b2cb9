-- Full reconcile: the upstream feedback of the organisation's people that the listing did not return is gone upstream.
DELETE FROM lrs.feedback t
USING lrs.users u
WHERE u.id = t.user_id
  AND u.organisation_id = @organisationId
  AND t.source = @source
  AND NOT (t.id = ANY(@seen));
