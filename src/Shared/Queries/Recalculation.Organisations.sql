-- The next organisations of a recalculation in keyset order (primary key).
SELECT o.id
FROM lrs.organisations o
WHERE o.id > @after
  AND (@organisationId::text IS NULL OR o.id = @organisationId)
ORDER BY o.id
LIMIT @limit;
