-- A failed pass: no watermark advance, one more consecutive failure (SOURCES.md §3.5); the cursor stays for a resume.
INSERT INTO ops.sync_state (source, entity, scope, last_started_at, last_error_at, last_error, consecutive_failures)
VALUES (@source, @entity, @scope, @now, @now, @error, 1)
ON CONFLICT (source, entity, scope) DO UPDATE
SET last_error_at = excluded.last_error_at,
    last_error = excluded.last_error,
    consecutive_failures = ops.sync_state.consecutive_failures + 1;
