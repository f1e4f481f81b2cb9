-- Deny-lists one access token (logout) until its expiry and tells every instance.
WITH denied AS (
    INSERT INTO auth.revoked_access (jti, family_id, user_id, expires_at)
    VALUES (@tokenId, NULL, @userId, @expiresAt)
    RETURNING jti
)
SELECT pg_notify('auth_revoked', @payload), (SELECT count(*) FROM denied)
