-- Claims the oldest queued report, or one left `running` by a worker that died (started before @abandonedBefore)
-- (ix_report_jobs_pending + SKIP LOCKED: workers on every instance never take the same one).
UPDATE reporting.report_jobs j
SET status = 'running', progress = 10, started_at = @now
WHERE j.id = (SELECT q.id
              FROM reporting.report_jobs q
              WHERE q.status = 'queued'
                 OR (q.status = 'running' AND q.started_at < @abandonedBefore)
              ORDER BY q.created_at
              FOR UPDATE SKIP LOCKED
              LIMIT 1)
RETURNING j.id AS Id, j.requested_by AS RequestedBy, j.role AS Role, j.subject_type AS SubjectType, j.subject_id AS SubjectId,
          j.organisation_id AS OrganisationId, j.template_id AS TemplateId, j.analytics AS Analytics, j.format AS Format,
          j.parameters::text AS Parameters, j.title AS Title, j.status AS Status, j.progress AS Progress, j.error AS Error,
          j.schedule_id AS ScheduleId, j.created_at AS CreatedAt, j.started_at AS StartedAt, j.completed_at AS CompletedAt,
          j.expires_at AS ExpiresAt, j.download_count AS DownloadCount, NULL::bigint AS FileSize, NULL::text AS Preview;
