-- Stores the file and completes the job in one statement; a job deleted (cancelled) meanwhile stores nothing.
WITH job AS (
    UPDATE reporting.report_jobs
    SET status = 'completed', progress = 100, completed_at = @now, preview = @preview::jsonb
    WHERE id = @id AND status = 'running'
    RETURNING id, subject_type, subject_id
), people AS (
    INSERT INTO reporting.report_people (report_id, user_id)
    SELECT job.id, job.subject_id FROM job WHERE job.subject_type IN ('learner', 'trainer')
    ON CONFLICT DO NOTHING
)
INSERT INTO reporting.report_files (report_id, file_name, content_type, size_bytes, sha256, storage, content, created_at)
SELECT job.id, @fileName, @contentType, @sizeBytes, @sha256, 'database', @content, @now
FROM job;
