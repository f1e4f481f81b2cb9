-- A privacy request (DATA_MODEL.md §7): subject_id is cleared once the request is done, the hash stays.
INSERT INTO ops.privacy_requests (id, kind, subject_id, subject_hash, requested_by, requested_at, status, completed_at, details)
VALUES (@id, @kind, @subjectId, @subjectHash, @requestedBy, @requestedAt, @status, @completedAt, @details::jsonb)
