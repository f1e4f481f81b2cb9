-- Full reconcile: the upstream mentoring links of the organisation's mentees that the listing did not return are gone upstream.
-- The key is the feed's `mentor_id|mentee_id|started_on`.
DELETE FROM lrs.mentoring_links t
USING lrs.users u
WHERE u.id = t.mentee_id
  AND u.organisation_id = @organisationId
  AND t.source = @source
  AND NOT EXISTS (
      SELECT 1 FROM unnest(@seen::text[]) AS s (key)
      WHERE s.key = t.mentor_id || '|' || t.mentee_id || '|' || to_char(t.started_on, 'YYYY-MM-DD'));
