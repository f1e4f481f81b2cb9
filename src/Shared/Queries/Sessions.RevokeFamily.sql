-- Ends every live token of a family, deny-lists the family's access tokens for their remaining hour and tells every instance.
WITH revoked AS (
    UPDATE auth.refresh_tokens
    SET revoked_at = @now, revoked_reason = @reason
    WHERE family_id = @familyId AND revoked_at IS NULL
    RETURNING id
), denied AS (
    INSERT INTO auth.revoked_access (jti, family_id, user_id, expires_at)
    VALUES (NULL, @familyId, @userId, @expiresAt)
    RETURNING family_id
)
SELECT pg_notify('auth_revoked', @payload), (SELECT count(*) FROM revoked), (SELECT count(*) FROM denied)
