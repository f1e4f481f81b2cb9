-- Refresh jobs and batch runs in the terms of the generic job object (API.md §4.9), in one place for the job list and the
-- single-job read: stored states mapped to `status` (abandoned → failed; a run not yet started is queued), progress, stage and
-- counters. A filter on id or kind is pushed into each branch, so the primary keys are still used.
CREATE OR REPLACE VIEW analytics.operator_jobs AS
-- Refresh jobs queued by an erasure (trigger 'erasure', DATA_MODEL.md §10) are the `erasure-recompute` jobs of API.md §4.9.
SELECT j.id AS job_id, CASE WHEN j.trigger = 'erasure' THEN 'erasure-recompute' ELSE 'refresh' END AS type, j.status, j.progress::integer AS progress, j.stage, j.trigger,
       j.requested_by::text AS requested_by,
       jsonb_build_object('subject', jsonb_build_object('type', j.subject_type, 'id', j.subject_id), 'role', j.role,
                          'analytics', to_jsonb(j.analytics))::text AS parameters,
       cardinality(j.analytics) AS total,
       CASE WHEN jsonb_typeof(j.result) = 'array' THEN jsonb_array_length(j.result) ELSE 0 END AS processed,
       CASE WHEN jsonb_typeof(j.result) = 'array'
            THEN (SELECT count(*)::integer FROM jsonb_array_elements(j.result) AS r WHERE r ->> 'status' = 'failed')
            ELSE 0 END AS failed,
       j.requested_at AS created_at, j.started_at, j.finished_at AS completed_at, j.error
FROM analytics.refresh_jobs j
UNION ALL
SELECT b.id, b.kind,
       CASE WHEN b.status = 'running' AND b.started_at IS NULL THEN 'queued'
            WHEN b.status = 'abandoned' THEN 'failed'
            ELSE b.status END,
       CASE WHEN b.status = 'completed' THEN 100
            WHEN coalesce(b.total_subjects, 0) = 0 THEN 0
            ELSE least(99, 100 * b.done_subjects / b.total_subjects) END,
       CASE WHEN b.status = 'running' AND b.started_at IS NULL THEN 'queued'
            WHEN b.status = 'running' THEN 'computing'
            ELSE 'done' END,
       b.trigger, b.requested_by::text, b.parameters::text,
       coalesce(b.total_subjects, 0), b.done_subjects, b.failed_subjects,
       b.ref_time, b.started_at, b.finished_at, b.error
FROM analytics.batch_runs b
WHERE b.kind IN ('recalculation', 'retrain')
UNION ALL
-- Upstream syncs (SOURCES.md §5): partial → completed with counters.failed > 0 (API.md §4.9).
SELECT r.id, 'sync'::text,
       CASE WHEN r.status = 'partial' THEN 'completed' ELSE r.status END,
       CASE WHEN r.status IN ('completed', 'partial') THEN 100
            WHEN coalesce((r.progress ->> 'organisations')::integer, 0) = 0 THEN 0
            ELSE least(99, 100 * (r.progress ->> 'organisationsDone')::integer / (r.progress ->> 'organisations')::integer) END,
       coalesce(r.progress ->> 'stage', 'queued'),
       coalesce(r.progress ->> 'trigger', 'schedule'), r.progress ->> 'requestedBy',
       jsonb_build_object('mode', r.kind, 'organisationId', nullif(r.scope, '*'), 'upstreams', r.progress -> 'upstreams')::text,
       r.rows_read::integer, r.rows_written::integer,
       (coalesce((r.progress ->> 'failedPasses')::integer, 0) + r.rows_rejected)::integer,
       r.started_at, r.started_at, r.finished_at, r.error
FROM ops.sync_runs r
WHERE r.source = 'upstream';
