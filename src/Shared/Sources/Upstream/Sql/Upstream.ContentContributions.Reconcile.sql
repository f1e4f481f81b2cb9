-- Full reconcile: the upstream contributions of the organisation's people that the listing did not return are gone upstream
-- (key user|content|kind|at, the instant in UTC with microseconds).
DELETE FROM lrs.content_contributions t
USING lrs.users u
WHERE u.id = t.user_id
  AND u.organisation_id = @organisationId
  AND t.source = @source
  AND NOT (t.user_id || '|' || t.content_item_id || '|' || t.kind || '|'
           || to_char(t.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') = ANY(@seen));
