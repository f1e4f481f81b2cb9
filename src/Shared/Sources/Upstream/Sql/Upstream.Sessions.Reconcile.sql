-- Full reconcile: the upstream sessions of the organisation's people that the listing did not return are gone upstream. The key is
-- the feed's `user_id|started_at` with the instant as `yyyy-MM-ddTHH:mm:ss.ffffffZ`.
DELETE FROM lrs.sessions t
USING lrs.users u
WHERE u.id = t.user_id
  AND u.organisation_id = @organisationId
  AND t.source = @source
  AND NOT EXISTS (
      SELECT 1 FROM unnest(@seen::text[]) AS s (key)
      WHERE s.key = t.user_id || '|' || to_char(t.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
