-- The tombstone that takes the place of the users row: later syncs and imports skip this person (DATA_MODEL.md §7, §10).
INSERT INTO ops.erasure_tombstones (subject_hash, erased_at, request_id)
VALUES (@subjectHash, @now, @requestId)
ON CONFLICT (subject_hash) DO NOTHING
