-- Closes the erasure's request (subject id already cleared) and tells every instance to drop its memory cache: cached answers may
-- name or count the person (FreshnessListener, payload '*').
UPDATE ops.privacy_requests SET status = 'completed', completed_at = @now, details = @details::jsonb WHERE id = @requestId;
SELECT pg_notify('analytics_snapshot', '*');
