-- A pass of one entity and scope begins.
INSERT INTO ops.sync_state (source, entity, scope, last_started_at)
VALUES (@source, @entity, @scope, @now)
ON CONFLICT (source, entity, scope) DO UPDATE SET last_started_at = excluded.last_started_at;
