-- An operator closed a service's breakers (ops.audit_log, DATA_MODEL.md §7).
INSERT INTO ops.audit_log (occurred_at, actor_ref, actor_role, action, subject_type, subject_ref, details)
VALUES (@now, @actor, 'platform-admin', 'integration.breaker-reset', 'upstream', @upstream, '{}');
