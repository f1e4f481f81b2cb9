-- A retraining run (API.md §4.9 job type `retrain`), running from the start: one at a time (ux_batch_runs_running, 23505 →
-- 409 JOB_ALREADY_RUNNING for a manual request; the weekly run then skips).
INSERT INTO analytics.batch_runs (id, kind, run_date, trigger, status, ref_time, started_at, heartbeat_at, instance, requested_by, parameters)
VALUES (@id, 'retrain', @runDate, @trigger, 'running', @now, @now, @now, @instance, @requestedBy, @parameters::jsonb);
