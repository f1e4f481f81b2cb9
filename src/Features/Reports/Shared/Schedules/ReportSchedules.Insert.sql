-- Inserts only while the owner holds fewer than @limit schedules; returns the new id, or nothing at the limit.
INSERT INTO reporting.report_schedules (id, owner_id, role, template_id, subject_type, subject_id, format, cron, time_zone, name,
                                        analytics, period, delivery, enabled, next_run_at, created_at)
SELECT @id, @ownerId, @role, @templateId, @subjectType, @subjectId, @format, @cron, @timeZone, @name,
       @analytics, @period, @delivery::jsonb, @enabled, @nextRunAt, @createdAt
WHERE (SELECT count(*) FROM reporting.report_schedules s WHERE s.owner_id = @ownerId) < @limit
RETURNING id;
