-- Takes a due run: only the node that still sees the next_run_at it read moves it on (the others update nothing).
UPDATE reporting.report_schedules
SET next_run_at = @nextRunAt, last_run_at = @now, last_run_status = NULL, last_report_id = NULL
WHERE id = @id AND enabled AND next_run_at = @expected;
