-- Full reconcile: the upstream skills of the organisation's people that the listing did not return are gone upstream (the key is
-- the feed's `user_id|skill_id`).
DELETE FROM lrs.user_skills t
USING lrs.users u
WHERE u.id = t.user_id
  AND u.organisation_id = @organisationId
  AND t.source = @source
  AND NOT EXISTS (SELECT 1 FROM unnest(@seen::text[]) AS s (key) WHERE s.key = t.user_id || '|' || t.skill_id);
