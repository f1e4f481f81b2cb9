-- Reports a schedule produced stay (report_jobs.schedule_id is no foreign key).
DELETE FROM reporting.report_schedules
WHERE id = @id AND owner_id = @ownerId;
