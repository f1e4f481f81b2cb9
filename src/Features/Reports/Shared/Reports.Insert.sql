-- The template row a job refers to (report_jobs.template_id references report_templates): built-ins are written on first use.
INSERT INTO reporting.report_templates (id, organisation_id, name, role, analytics, default_format, built_in, created_at, updated_at)
SELECT @templateId, NULL, @templateName, @templateType, @templateAnalytics, @templateFormat, true, @now, @now
WHERE @templateId IS NOT NULL
ON CONFLICT (id) DO NOTHING;

INSERT INTO reporting.report_jobs (id, requested_by, role, subject_type, subject_id, organisation_id, template_id, analytics, format,
                                   parameters, title, status, progress, schedule_id, created_at, expires_at)
VALUES (@id, @requestedBy, @role, @subjectType, @subjectId, @organisationId, @templateId, @analytics, @format,
        @parameters::jsonb, @title, 'queued', 0, @scheduleId, @now, @expiresAt);
