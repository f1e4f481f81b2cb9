-- report_schedules.template_id references report_templates: built-ins are written on first use (as Reports.Insert does).
INSERT INTO reporting.report_templates (id, organisation_id, name, role, analytics, default_format, built_in, created_at, updated_at)
VALUES (@templateId, NULL, @templateName, @templateType, @templateAnalytics, @templateFormat, true, @now, @now)
ON CONFLICT (id) DO NOTHING;
