-- A privacy action in the audit log (DATA_MODEL.md §7): privacy.export, privacy.erasure.requested|completed, privacy.opt-out,
-- privacy.leaderboard.
INSERT INTO ops.audit_log (occurred_at, actor_ref, actor_role, action, subject_type, subject_ref, request_id, details)
VALUES (@occurredAt, @actorRef, @actorRole, @action, 'user', @subjectRef, @requestId, @details::jsonb)
