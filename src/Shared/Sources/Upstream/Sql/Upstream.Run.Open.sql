-- A sync run (a job of API.md §4.9, type sync).
INSERT INTO ops.sync_runs (id, source, kind, scope, status, progress, started_at, heartbeat_at, instance)
VALUES (@id, @source, @kind, @scope, 'running', @progress::jsonb, @now, @now, @instance);
