-- A replace-set parent sent again (a course with its trainers) makes the earlier rejects of that set moot: a row of the set that
-- still cannot be stored is rejected again by the same page.
DELETE FROM ops.sync_rejects r
WHERE r.source = @source
  AND r.entity = @entity
  AND EXISTS (SELECT 1 FROM unnest(@prefixes::text[]) AS p (prefix) WHERE starts_with(r.record_key, p.prefix));
