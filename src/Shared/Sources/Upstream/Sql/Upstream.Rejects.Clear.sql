-- A stored row clears its earlier reject.
DELETE FROM ops.sync_rejects
WHERE source = @source
  AND entity = @entity
  AND record_key = ANY(@keys);
