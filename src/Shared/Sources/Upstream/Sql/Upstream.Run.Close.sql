-- The end of a sync run: completed, partial (some passes failed) or failed.
UPDATE ops.sync_runs
SET status = @status,
    progress = @progress::jsonb,
    rows_read = @read,
    rows_written = @written,
    rows_rejected = @rejected,
    heartbeat_at = @now,
    finished_at = @now,
    error = @error
WHERE id = @id;
