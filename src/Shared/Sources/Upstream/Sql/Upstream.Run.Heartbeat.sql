-- Progress and counters of a running sync, with its heartbeat (SOURCES.md §5).
UPDATE ops.sync_runs
SET progress = @progress::jsonb,
    rows_read = @read,
    rows_written = @written,
    rows_rejected = @rejected,
    heartbeat_at = @now
WHERE id = @id;
