-- Full reconcile: the upstream topic completions of the organisation's people that the listing did not return (key user|topic).
DELETE FROM lrs.topic_completions t
USING lrs.users u
WHERE u.id = t.user_id
  AND u.organisation_id = @organisationId
  AND t.source = @source
  AND NOT (t.user_id || '|' || t.topic_id = ANY(@seen));
