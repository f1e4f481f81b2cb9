SELECT id AS Id, owner_id AS OwnerId, role AS Role, template_id AS TemplateId, subject_type AS SubjectType, subject_id AS SubjectId,
       format AS Format, cron AS Cron, time_zone AS TimeZone, name AS Name, analytics AS Analytics, period AS Period,
       delivery::text AS Delivery, enabled AS Enabled, next_run_at AS NextRunAt, last_run_at AS LastRunAt,
       last_run_status AS LastRunStatus, last_report_id AS LastReportId, created_at AS CreatedAt
FROM reporting.report_schedules
WHERE id = @id AND owner_id = @ownerId;
