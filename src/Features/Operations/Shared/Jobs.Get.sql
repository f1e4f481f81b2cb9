-- One job by id in the generic job object's terms (API.md §4.9; the mapping is the view analytics.operator_jobs).
SELECT job_id AS JobId, type AS Type, status AS Status, progress AS Progress, stage AS Stage, trigger AS Trigger,
       requested_by AS RequestedBy, parameters AS Parameters, total AS Total, processed AS Processed, failed AS Failed,
       created_at AS CreatedAt, started_at AS StartedAt, completed_at AS CompletedAt, error AS Error
FROM analytics.operator_jobs
WHERE job_id = @jobId;
