-- One job by id in the generic job object's terms (API.md §4.9): a refresh job or a batch run (recalculation, retraining).
SELECT j.id AS JobId, 'refresh' AS Type, j.status AS Status, j.progress::integer AS Progress, j.stage AS Stage,
       j.trigger AS Trigger, j.requested_by AS RequestedBy,
       jsonb_build_object('subject', jsonb_build_object('type', j.subject_type, 'id', j.subject_id), 'role', j.role,
                          'analytics', to_jsonb(j.analytics))::text AS Parameters,
       cardinality(j.analytics) AS Total,
       CASE WHEN jsonb_typeof(j.result) = 'array' THEN jsonb_array_length(j.result) ELSE 0 END AS Processed,
       CASE WHEN jsonb_typeof(j.result) = 'array'
            THEN (SELECT count(*)::integer FROM jsonb_array_elements(j.result) AS r WHERE r ->> 'status' = 'failed')
            ELSE 0 END AS Failed,
       j.requested_at AS CreatedAt, j.started_at AS StartedAt, j.finished_at AS CompletedAt, j.error AS Error
FROM analytics.refresh_jobs j
WHERE j.id = @jobId
UNION ALL
SELECT b.id AS JobId, b.kind AS Type,
       CASE WHEN b.status = 'running' AND b.started_at IS NULL THEN 'queued'
            WHEN b.status = 'abandoned' THEN 'failed'
            ELSE b.status END AS Status,
       CASE WHEN b.status = 'completed' THEN 100
            WHEN coalesce(b.total_subjects, 0) = 0 THEN 0
            ELSE least(99, 100 * b.done_subjects / b.total_subjects) END AS Progress,
       CASE WHEN b.status = 'running' AND b.started_at IS NULL THEN 'queued'
            WHEN b.status = 'running' THEN 'computing'
            ELSE 'done' END AS Stage,
       b.trigger AS Trigger, b.requested_by AS RequestedBy, b.parameters::text AS Parameters,
       coalesce(b.total_subjects, 0) AS Total, b.done_subjects AS Processed, b.failed_subjects AS Failed,
       b.ref_time AS CreatedAt, b.started_at AS StartedAt, b.finished_at AS CompletedAt, b.error AS Error
FROM analytics.batch_runs b
WHERE b.id = @jobId AND b.kind IN ('recalculation', 'retrain');
