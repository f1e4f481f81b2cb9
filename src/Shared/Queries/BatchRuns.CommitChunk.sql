-- Advances the keyset position in the transaction that wrote the chunk's snapshots, so a resumed run starts right after it.
UPDATE analytics.batch_runs
SET resume_after = @resumeAfter,
    done_subjects = done_subjects + @done,
    failed_subjects = failed_subjects + @failed,
    heartbeat_at = @now
WHERE id = @id AND instance = @instance AND status = 'running';
