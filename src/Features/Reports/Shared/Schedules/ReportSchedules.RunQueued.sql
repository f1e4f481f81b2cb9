UPDATE reporting.report_schedules
SET last_report_id = @reportId
WHERE id = @id;
