-- The owner no longer may read what the schedule reports (API.md §4.7): the run fails and the schedule stops.
UPDATE reporting.report_schedules
SET enabled = false, next_run_at = NULL, last_run_status = 'failed', last_report_id = NULL
WHERE id = @id;
