-- Items that could not be mapped or stored (SOURCES.md §3.4); seen again, a reject counts one more attempt.
INSERT INTO ops.sync_rejects (source, entity, record_key, scope, reason, payload, first_seen_at, last_seen_at, attempts)
SELECT @source, @entity, r.record_key, @scope, r.reason, r.payload::jsonb, @now, @now, 1
FROM unnest(@keys::text[], @reasons::text[], @payloads::text[]) AS r (record_key, reason, payload)
ON CONFLICT (source, entity, record_key) DO UPDATE
SET scope = excluded.scope,
    reason = excluded.reason,
    payload = excluded.payload,
    last_seen_at = excluded.last_seen_at,
    attempts = ops.sync_rejects.attempts + 1;
