-- Every unexpired report of one owner, newest first: the list's summary and trends cover them all (API.md §4.7).
SELECT j.id AS Id, j.requested_by AS RequestedBy, j.role AS Role, j.subject_type AS SubjectType, j.subject_id AS SubjectId,
       j.organisation_id AS OrganisationId, j.template_id AS TemplateId, j.analytics AS Analytics, j.format AS Format,
       j.parameters::text AS Parameters, j.title AS Title, j.status AS Status, j.progress AS Progress, j.error AS Error,
       j.schedule_id AS ScheduleId, j.created_at AS CreatedAt, j.started_at AS StartedAt, j.completed_at AS CompletedAt,
       j.expires_at AS ExpiresAt, j.download_count AS DownloadCount, f.size_bytes AS FileSize, NULL::text AS Preview
FROM reporting.report_jobs j
LEFT JOIN reporting.report_files f ON f.report_id = j.id
WHERE j.requested_by = @ownerId AND j.expires_at > @now
ORDER BY j.created_at DESC, j.id DESC;
