-- The watermark and, after an interrupted pass, the cursor to resume from (SOURCES.md §5).
SELECT watermark AS Watermark,
       cursor AS Cursor,
       last_started_at AS LastStartedAt
FROM ops.sync_state
WHERE source = @source
  AND entity = @entity
  AND scope = @scope;
