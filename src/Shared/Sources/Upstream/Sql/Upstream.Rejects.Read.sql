-- The rejected items of one entity and scope, mapped again at the start of its next pass.
SELECT payload::text
FROM ops.sync_rejects
WHERE source = @source
  AND entity = @entity
  AND scope = @scope
ORDER BY first_seen_at
LIMIT 5000;
