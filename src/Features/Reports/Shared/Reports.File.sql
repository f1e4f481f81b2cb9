-- The stored file of a completed report, counting the download.
WITH counted AS (
    UPDATE reporting.report_jobs SET download_count = download_count + 1 WHERE id = @id
)
SELECT f.file_name AS FileName, f.content_type AS ContentType, f.content AS Content
FROM reporting.report_files f
WHERE f.report_id = @id;
