-- Stored with the page it follows, in the page's transaction: a crash repeats at most one page.
UPDATE ops.sync_state
SET cursor = @cursor,
    cursor_run_id = @runId
WHERE source = @source
  AND entity = @entity
  AND scope = @scope;
