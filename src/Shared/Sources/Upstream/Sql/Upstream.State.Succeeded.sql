-- A complete pass: the watermark advances to the asOf of its first page (a full reconcile resets it to its own), the cursor goes.
UPDATE ops.sync_state
SET watermark = @watermark,
    cursor = NULL,
    cursor_run_id = NULL,
    last_success_at = @now,
    consecutive_failures = 0,
    last_full_at = CASE WHEN @full THEN @now ELSE last_full_at END,
    rows_upserted_last = @written,
    rows_deleted_last = @deleted
WHERE source = @source
  AND entity = @entity
  AND scope = @scope;
