UPDATE reporting.report_jobs
SET status = 'failed', completed_at = @now, error = @error
WHERE id = @id AND status = 'running';
